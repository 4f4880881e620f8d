import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { AccountSummary } from '@pvi/contracts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { TextField } from '../../components/Form.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { AccountPanel } from './AccountPanel.tsx';
import { accountsQuery, ACCOUNTS_PAGE_SIZE } from './api.ts';
import { CreateAccountForm } from './CreateAccountForm.tsx';
import { grantLabel } from './labels.ts';
import { Pager } from './Pager.tsx';
import './admin.css';

/** Accounts: find, create, grant and revoke roles, disable and enable (national beheerder). */
export function AccountsPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const accounts = useQuery(accountsQuery({ q, page }));

  const close = () => {
    const id = selected;
    setSelected(null);
    // Back to the button that opened the panel, if it is still on the page.
    if (id) requestAnimationFrame(() => document.getElementById(`manage-${id}`)?.focus());
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.accounts') }]} />
      <Heading1>{t('accounts.title')}</Heading1>
      <Paragraph>{t('accounts.intro')}</Paragraph>
      <form
        className="pvi-search"
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
          setPage(1);
        }}
      >
        <TextField
          id="account-search"
          label={t('accounts.search')}
          required={false}
          type="search"
          value={draft}
          onChange={setDraft}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('org.search')}
        </Button>
      </form>

      <section aria-labelledby="accounts-list-title">
        <Heading2 id="accounts-list-title">
          {q ? t('accounts.resultsFor', { q }) : t('accounts.all')}
        </Heading2>
        {accounts.isPending ? (
          <Loading />
        ) : accounts.isError ? (
          <Failure error={accounts.error} />
        ) : accounts.data.items.length === 0 ? (
          <Empty>{q ? t('accounts.noneFound') : t('accounts.none')}</Empty>
        ) : (
          <>
            <AccountTable
              accounts={accounts.data.items}
              caption={q ? t('accounts.resultsFor', { q }) : t('accounts.all')}
              selected={selected}
              onSelect={(id) => {
                setCreated(null);
                setSelected(id);
              }}
            />
            <Pager
              label={t('accounts.pages')}
              page={accounts.data.page}
              pageSize={ACCOUNTS_PAGE_SIZE}
              total={accounts.data.total}
              onPage={setPage}
            />
          </>
        )}
      </section>

      {created && (
        <Alert type="ok" role="status">
          <Paragraph>{t('accounts.created', { name: created })}</Paragraph>
        </Alert>
      )}
      {selected && <AccountPanel key={selected} accountId={selected} onClose={close} />}

      <CreateAccountForm
        onCreated={(account) => {
          setCreated(account.username ?? account.id);
          setSelected(account.id);
        }}
      />
    </>
  );
}

function AccountTable(props: {
  accounts: AccountSummary[];
  caption: string;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pvi-table-wrap">
      <Table>
        <caption className="pvi-visually-hidden">{props.caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('accounts.column.username')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.column.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.column.signIn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.column.roles')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.column.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.accounts.map((a) => {
            const name = a.username ?? a.displayName ?? a.id;
            return (
              <TableRow key={a.id}>
                <TableCell>
                  <span className="pvi-account-name">{a.username ?? '—'}</span>
                  <Button
                    id={`manage-${a.id}`}
                    type="button"
                    appearance="secondary-action-button"
                    aria-label={`${t('accounts.manage')} ${name}`}
                    aria-expanded={props.selected === a.id}
                    onClick={() => {
                      props.onSelect(a.id);
                    }}
                  >
                    {t('accounts.manage')}
                  </Button>
                </TableCell>
                <TableCell>{a.displayName ?? a.personName ?? '—'}</TableCell>
                <TableCell>{t(`accounts.signIn.${a.signIn}`)}</TableCell>
                <TableCell>
                  {a.grants.length === 0 ? (
                    <span className="pvi-muted">{t('accounts.noRoles')}</span>
                  ) : (
                    <ul className="pvi-plain-list">
                      {a.grants.map((g) => (
                        <li key={g.id}>{grantLabel(t, g)}</li>
                      ))}
                    </ul>
                  )}
                </TableCell>
                <TableCell>
                  {a.disabled ? (
                    <strong>{t('accounts.status.disabled')}</strong>
                  ) : (
                    t('accounts.status.active')
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
