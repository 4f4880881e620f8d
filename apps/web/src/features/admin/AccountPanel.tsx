import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { AccountSummary } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Failure, Loading } from '../../components/States.tsx';
import { accountQuery, revokeGrant, setAccountDisabled } from './api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { GrantForm } from './GrantForm.tsx';
import { grantLabel } from './labels.ts';

/** One account: its roles (revoke, grant) and whether it may sign in. */
export function AccountPanel({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const account = useQuery({ ...accountQuery(accountId), staleTime: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const loaded = account.data !== undefined;
  // The panel opens with focus on its heading, once there is something to read.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  return (
    <section className="pvi-admin-panel" aria-labelledby="account-panel-title">
      {account.isPending ? (
        <Loading />
      ) : account.isError ? (
        <Failure error={account.error} />
      ) : (
        <AccountDetails
          account={account.data}
          headingRef={headingRef}
          message={message}
          failure={failure}
          onMessage={(m) => {
            setFailure(null);
            setMessage(m);
          }}
          onFailure={(f) => {
            setMessage(null);
            setFailure(f);
          }}
        />
      )}
      <Paragraph>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {t('accounts.panel.close')}
        </Button>
      </Paragraph>
    </section>
  );
}

function AccountDetails(props: {
  account: AccountSummary;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  message: string | null;
  failure: string | null;
  onMessage: (message: string) => void;
  onFailure: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useSession();
  const { account } = props;
  const name = account.username ?? account.displayName ?? account.id;
  const isSelf = session?.account.id === account.id;

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['accounts'] });
    await client.invalidateQueries({ queryKey: ['account', account.id] });
  };

  const revoke = async (grantId: string, label: string) => {
    try {
      await revokeGrant(account.id, grantId);
      await refresh();
      props.onMessage(t('accounts.panel.revoked', { grant: label }));
    } catch {
      props.onFailure(t('accounts.panel.revokeFailed'));
    }
  };

  const toggle = async () => {
    try {
      await setAccountDisabled(account.id, !account.disabled);
      await refresh();
      props.onMessage(
        account.disabled ? t('accounts.panel.enabled') : t('accounts.panel.disabled'),
      );
    } catch (error) {
      props.onFailure(
        error instanceof ApiError && error.status === 409
          ? t('accounts.panel.notYourself')
          : t('accounts.panel.toggleFailed'),
      );
    }
  };

  return (
    <>
      <Heading2 id="account-panel-title" ref={props.headingRef} tabIndex={-1}>
        {t('accounts.panel.title', { name })}
      </Heading2>
      <div aria-live="polite" role="status">
        {props.message && (
          <Alert type="ok">
            <Paragraph>{props.message}</Paragraph>
          </Alert>
        )}
      </div>
      {props.failure && (
        <Alert type="error" role="alert">
          <Paragraph>{props.failure}</Paragraph>
        </Alert>
      )}
      <dl className="pvi-facts">
        <dt>{t('accounts.column.name')}</dt>
        <dd>{account.displayName ?? account.personName ?? '—'}</dd>
        <dt>{t('accounts.column.signIn')}</dt>
        <dd>{t(`accounts.signIn.${account.signIn}`)}</dd>
        <dt>{t('accounts.column.status')}</dt>
        <dd>{account.disabled ? t('accounts.status.disabled') : t('accounts.status.active')}</dd>
        <dt>{t('accounts.panel.createdAt')}</dt>
        <dd>{formatDate(account.createdAt)}</dd>
      </dl>

      <Heading2>{t('accounts.panel.roles')}</Heading2>
      {account.grants.length === 0 ? (
        <Paragraph className="pvi-muted">{t('accounts.panel.noRoles')}</Paragraph>
      ) : (
        <ul className="pvi-plain-list pvi-grant-list">
          {account.grants.map((g) => {
            const label = grantLabel(t, g);
            return (
              <li key={g.id}>
                <span>{label}</span>{' '}
                <ConfirmButton
                  label={t('accounts.panel.revoke')}
                  ariaLabel={`${t('accounts.panel.revoke')}: ${label}`}
                  question={t('accounts.panel.revokeQuestion', { grant: label, name })}
                  confirmLabel={t('accounts.panel.revokeConfirm')}
                  onConfirm={() => revoke(g.id, label)}
                />
              </li>
            );
          })}
        </ul>
      )}

      <GrantForm account={account} onDone={props.onMessage} />

      <Heading2>{t('accounts.panel.access')}</Heading2>
      <Paragraph>
        {account.disabled ? t('accounts.panel.disabledText') : t('accounts.panel.activeText')}
      </Paragraph>
      {account.disabled ? (
        <Button type="button" appearance="secondary-action-button" onClick={() => void toggle()}>
          {t('accounts.panel.enable')}
        </Button>
      ) : isSelf ? (
        <Paragraph className="pvi-muted">{t('accounts.panel.notYourself')}</Paragraph>
      ) : (
        <ConfirmButton
          label={t('accounts.panel.disable')}
          question={t('accounts.panel.disableQuestion', { name })}
          confirmLabel={t('accounts.panel.disableConfirm')}
          onConfirm={toggle}
        />
      )}
    </>
  );
}
