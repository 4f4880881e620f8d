import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { pick } from '../labels.ts';
import { answeredOn, type Answers, type ShownPage } from './logic.ts';

/** The last step: how much is answered per page, a way back to each page, and the submit. */
export function Review(props: {
  pages: ShownPage[];
  answers: Answers;
  itemErrors: Record<string, string>;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  sending: boolean;
  onEdit: (page: number) => void;
  onBack: () => void;
  onSend: () => void;
}) {
  const { t } = useTranslation();
  const total = props.pages.reduce((n, p) => n + p.items.length, 0);
  const answered = props.pages.reduce((n, p) => n + answeredOn(p, props.answers), 0);
  return (
    <section aria-labelledby="q-review-title" className="pvi-q-page">
      <Heading2 id="q-review-title" ref={props.headingRef} tabIndex={-1}>
        {t('questionnaire.reviewTitle')}
      </Heading2>
      <Paragraph>{t('questionnaire.reviewCount', { answered, total })}</Paragraph>
      <Paragraph>{t('questionnaire.reviewText')}</Paragraph>
      <ol className="pvi-q-review">
        {props.pages.map((p, i) => {
          const errors = p.items.filter((item) => props.itemErrors[item.key]).length;
          const title = pick(p.page.title);
          return (
            <li key={p.page.key}>
              <span className="pvi-q-review__title">{title}</span>
              <span className="pvi-muted">
                {t('questionnaire.pageAnswered', {
                  answered: answeredOn(p, props.answers),
                  total: p.items.length,
                })}
              </span>
              {errors > 0 && (
                <strong className="pvi-field-error">{t('questionnaire.pageHasErrors')}</strong>
              )}
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-label={t('questionnaire.editPage', { page: i + 1, title })}
                onClick={() => {
                  props.onEdit(i);
                }}
              >
                {t('questionnaire.edit')}
              </Button>
            </li>
          );
        })}
      </ol>
      {answered === 0 && (
        <Alert type="info">
          <Paragraph>{t('questionnaire.nothingAnswered')}</Paragraph>
        </Alert>
      )}
      <div className="pvi-q-nav">
        <Button type="button" appearance="secondary-action-button" onClick={props.onBack}>
          {t('questionnaire.previous')}
        </Button>
        <Button
          type="button"
          appearance="primary-action-button"
          disabled={props.sending}
          onClick={props.onSend}
        >
          {props.sending ? t('questionnaire.sending') : t('questionnaire.send')}
        </Button>
      </div>
    </section>
  );
}
