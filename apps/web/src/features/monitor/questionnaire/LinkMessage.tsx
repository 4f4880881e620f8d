import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { LinkProblem } from './outcome.ts';

/** What to do when the page cannot show questions: no link, or a link that does not work. */
export function LinkMessage({
  problem,
  onRetry,
}: {
  problem: LinkProblem | 'missing';
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('questionnaire.title')}</Heading1>
      <Alert type={problem === 'used' ? 'ok' : problem === 'failed' ? 'error' : 'info'}>
        <Paragraph>{t(`questionnaire.problem.${problem}`)}</Paragraph>
      </Alert>
      {problem === 'failed' && onRetry && (
        <Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={onRetry}>
            {t('questionnaire.retry')}
          </Button>
        </Paragraph>
      )}
      <Paragraph>{t('questionnaire.anonymity')}</Paragraph>
    </>
  );
}
