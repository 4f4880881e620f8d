import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { AccountSummary } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import { createAccount } from './api.ts';

/** Server field errors in the reader's language where we know them; else the server's words. */
function fieldMessage(t: (key: string) => string, name: string, code: string, reason: string) {
  if (name === 'username') return t('accounts.form.usernameInvalid');
  if (name === 'password' && code === 'too_small') return t('accounts.form.passwordTooShort');
  if (name === 'displayName') return t('accounts.form.displayNameInvalid');
  return reason;
}

export function CreateAccountForm({ onCreated }: { onCreated: (account: AccountSummary) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!username.trim())
      found.push({ field: 'new-username', message: t('accounts.form.usernameRequired') });
    if (!password)
      found.push({ field: 'new-password', message: t('accounts.form.passwordRequired') });
    setErrors(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    try {
      const created = await createAccount({
        username: username.trim(),
        password,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      await client.invalidateQueries({ queryKey: ['accounts'] });
      setUsername('');
      setPassword('');
      setDisplayName('');
      onCreated(created);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setErrors([{ field: 'new-username', message: t('accounts.form.usernameTaken') }]);
      } else if (error instanceof ApiError && error.problem?.invalidParams?.length) {
        setErrors(
          error.problem.invalidParams.map((p) => ({
            field: `new-${p.name === 'displayName' ? 'display-name' : p.name}`,
            message: fieldMessage(t, p.name, p.code, p.reason),
          })),
        );
      } else {
        setFailure(t('accounts.form.failed'));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="create-account-title" className="pvi-admin-section">
      <Heading2 id="create-account-title">{t('accounts.form.title')}</Heading2>
      <Paragraph>{t('accounts.form.intro')}</Paragraph>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="new-username"
          label={t('accounts.form.username')}
          required
          value={username}
          onChange={setUsername}
          autoComplete="off"
          description={t('accounts.form.usernameHint')}
          error={errorOf('new-username')}
        />
        <TextField
          id="new-password"
          label={t('accounts.form.password')}
          required
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          description={t('accounts.form.passwordHint')}
          error={errorOf('new-password')}
        />
        <TextField
          id="new-display-name"
          label={t('accounts.form.displayName')}
          required={false}
          value={displayName}
          onChange={setDisplayName}
          autoComplete="off"
          error={errorOf('new-display-name')}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('accounts.form.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
