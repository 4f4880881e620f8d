import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../app/api.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" aria-live="polite" className="pvi-muted">
      {t('state.loading')}
    </Paragraph>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <Paragraph className="pvi-muted">{children}</Paragraph>;
}

export function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const message =
    status === 403 ? t('state.forbidden') : status === 404 ? t('state.notFound') : t('state.error');
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
