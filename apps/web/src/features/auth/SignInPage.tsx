import { useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph, ButtonLink } from '@utrecht/component-library-react';
import type { SessionInfo } from '@pvi/contracts';
import { api, ApiError, rememberSession } from '../../app/api.ts';
import { authConfigQuery, installationQuery, sessionQuery } from '../../app/session.ts';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/inloggen' });
  const navigate = useNavigate();
  const client = useQueryClient();
  const authConfig = useQuery(authConfigQuery).data;
  const demo = useQuery(installationQuery).data?.demo ?? false;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const returnTo =
    search.returnTo?.startsWith('/') && !search.returnTo.startsWith('//') ? search.returnTo : '/';

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ field: 'username', message: t('signIn.usernameRequired') });
    if (!password) found.push({ field: 'password', message: t('signIn.passwordRequired') });
    setErrors(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    try {
      const session = await api<SessionInfo>('/session', {
        method: 'POST',
        body: { username, password },
        quiet401: true,
      });
      rememberSession(session);
      client.setQueryData(sessionQuery.queryKey, session);
      await navigate({ to: returnTo });
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 429 ? t('signIn.locked') : t('signIn.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading1>{t('signIn.title')}</Heading1>
      {demo && (
        <Alert type="info">
          <Paragraph>{t('signIn.demo')}</Paragraph>
        </Alert>
      )}
      {search.reason === 'expired' && (
        <Alert type="warning" role="status">
          <Paragraph>{t('signIn.expired')}</Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="username"
          label={t('signIn.username')}
          required
          value={username}
          onChange={setUsername}
          autoComplete="username"
          error={errors.find((e) => e.field === 'username')?.message}
        />
        <TextField
          id="password"
          label={t('signIn.password')}
          required
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={errors.find((e) => e.field === 'password')?.message}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      {authConfig?.oidcEnabled && (
        <Paragraph>
          <ButtonLink
            appearance="secondary-action-button"
            href={`/api/v1/session/oidc?returnTo=${encodeURIComponent(returnTo)}`}
          >
            {authConfig.oidcLabel ?? t('signIn.oidc')}
          </ButtonLink>
        </Paragraph>
      )}
    </>
  );
}
