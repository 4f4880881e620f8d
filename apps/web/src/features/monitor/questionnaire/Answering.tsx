import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary, type FieldError } from '../../../components/Form.tsx';
import { submitResponse, type Questionnaire } from '../api.ts';
import { formatDay } from '../format.ts';
import { pick } from '../labels.ts';
import { fieldIdOf, ItemField } from './ItemField.tsx';
import { LinkMessage } from './LinkMessage.tsx';
import { answersToSend, shownPages, type Answers } from './logic.ts';
import { answerErrorsOf, linkProblemOf, type LinkProblem } from './outcome.ts';
import { Review } from './Review.tsx';
import { forgetAnswers, loadAnswers, saveAnswers } from './storage.ts';

type Step = 'answering' | 'sending' | 'done' | { problem: LinkProblem };

/** Answering, page by page, then a review and the submit; answers are saved on the device. */
export function Answering(props: {
  questionnaire: Questionnaire;
  secret: string;
  storageKey: string;
}) {
  const { t } = useTranslation();
  const { instrument, waveName, teamName, closesOn } = props.questionnaire;
  const [saved] = useState(() => loadAnswers(props.storageKey));
  const [answers, setAnswers] = useState<Answers>(saved?.answers ?? {});
  const pages = shownPages(instrument, answers);
  // Index `pages.length` is the review.
  const [index, setIndex] = useState(() => Math.min(saved?.page ?? 0, pages.length));
  const [step, setStep] = useState<Step>('answering');
  const [failure, setFailure] = useState(false);
  /** Server errors per item key (its reason as a message), after a refused submit. */
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const done = step === 'done' || typeof step === 'object';
  useEffect(() => {
    if (!done) saveAnswers(props.storageKey, { answers, page: index, closesOn });
  }, [answers, index, closesOn, props.storageKey, done]);

  // After moving to another page (not on the first load), the new page's heading takes focus.
  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
  }, [index, step]);

  const go = (next: number) => {
    moved.current = true;
    setIndex(Math.max(0, Math.min(next, pages.length)));
  };

  const send = async () => {
    setStep('sending');
    setFailure(false);
    try {
      await submitResponse(props.secret, answersToSend(instrument, answers));
      forgetAnswers(props.storageKey);
      // The link's secret leaves the address bar (and this history entry) once it is used.
      window.history.replaceState(window.history.state, '', window.location.pathname);
      moved.current = true;
      setStep('done');
    } catch (error) {
      const byItem = answerErrorsOf(error);
      if (byItem) {
        setItemErrors(
          Object.fromEntries(
            Object.entries(byItem).map(([key, code]) => [
              key,
              t(`questionnaire.answerError.${code === 'not_applicable' ? code : 'invalid'}`),
            ]),
          ),
        );
        setAttempt((n) => n + 1);
        setStep('answering');
        const first = pages.findIndex((p) => p.items.some((i) => i.key in byItem));
        if (first >= 0) go(first);
        return;
      }
      const problem = linkProblemOf(error);
      if (problem === 'failed') {
        setFailure(true);
        setStep('answering');
        return;
      }
      if (problem === 'used' || problem === 'closed') forgetAnswers(props.storageKey);
      setStep({ problem });
    }
  };

  if (typeof step === 'object') return <LinkMessage problem={step.problem} />;

  const header = (
    <>
      <Heading1>{waveName}</Heading1>
      <Paragraph className="pvi-muted">
        {t('questionnaire.forTeam', { team: teamName, date: formatDay(closesOn) })}
      </Paragraph>
    </>
  );

  if (step === 'done')
    return (
      <>
        {header}
        <section aria-labelledby="q-done-title" className="pvi-q-page">
          <Heading2 id="q-done-title" ref={headingRef} tabIndex={-1}>
            {t('questionnaire.thanksTitle')}
          </Heading2>
          <Paragraph>{t('questionnaire.thanksText')}</Paragraph>
        </section>
      </>
    );

  const onReview = index >= pages.length;
  const current = pages[index];
  const pageErrors: FieldError[] = current
    ? current.items
        .filter((i) => itemErrors[i.key])
        .map((i) => ({ field: fieldIdOf(i), message: `${pick(i.text)} ${itemErrors[i.key]!}` }))
    : [];

  return (
    <>
      {header}
      {index === 0 && !saved && (
        <div className="pvi-q-intro">
          <Paragraph>
            <strong>{t('questionnaire.optional')}</strong>{' '}
            {t('questionnaire.duration', { minutes: instrument.estimatedMinutes })}
          </Paragraph>
          <Paragraph>{t('questionnaire.anonymity')}</Paragraph>
          <Paragraph className="pvi-muted">{t('questionnaire.device')}</Paragraph>
        </div>
      )}
      {saved && index === Math.min(saved.page, pages.length) && !moved.current && (
        <Alert type="info">
          <Paragraph>{t('questionnaire.resumed')}</Paragraph>
          <Paragraph>
            <strong>{t('questionnaire.optional')}</strong> {t('questionnaire.anonymity')}
          </Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{t('questionnaire.sendFailed')}</Paragraph>
        </Alert>
      )}

      {onReview || !current ? (
        <Review
          pages={pages}
          answers={answers}
          itemErrors={itemErrors}
          headingRef={headingRef}
          sending={step === 'sending'}
          onEdit={go}
          onBack={() => {
            go(pages.length - 1);
          }}
          onSend={() => void send()}
        />
      ) : (
        <form
          className="pvi-q-page"
          noValidate
          aria-labelledby="q-page-title"
          onSubmit={(e) => {
            e.preventDefault();
            go(index + 1);
          }}
        >
          <p id="q-progress" className="pvi-q-progress">
            {t('questionnaire.progress', { page: index + 1, pages: pages.length })}
          </p>
          <progress
            className="pvi-q-progress__bar"
            max={pages.length}
            value={index + 1}
            aria-hidden="true"
          />
          <Heading2 id="q-page-title" ref={headingRef} tabIndex={-1} aria-describedby="q-progress">
            {pick(current.page.title)}
          </Heading2>
          <ErrorSummary errors={pageErrors} attempt={attempt} />
          {current.items.map((item) => (
            <ItemField
              key={item.key}
              item={item}
              value={answers[item.key]}
              error={itemErrors[item.key]}
              onChange={(value) => {
                setAnswers((a) => {
                  const { [item.key]: _previous, ...rest } = a;
                  return value === undefined ? rest : { ...rest, [item.key]: value };
                });
                if (itemErrors[item.key])
                  setItemErrors((e) =>
                    Object.fromEntries(Object.entries(e).filter(([k]) => k !== item.key)),
                  );
              }}
            />
          ))}
          <div className="pvi-q-nav">
            {index > 0 && (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  go(index - 1);
                }}
              >
                {t('questionnaire.previous')}
              </Button>
            )}
            <Button type="submit" appearance="primary-action-button">
              {index === pages.length - 1 ? t('questionnaire.toReview') : t('questionnaire.next')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
