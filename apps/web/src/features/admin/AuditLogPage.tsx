import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ButtonLink,
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
import type { AuditEntry } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import {
  accountQuery,
  AUDIT_PAGE_SIZE,
  auditExportUrl,
  auditQuery,
  findAccountByUsername,
  type AuditFilter,
} from './api.ts';
import { endOfDay, isDate, startOfDay } from './dates.ts';
import { DateField, SelectField } from './Fields.tsx';
import {
  actionLabel,
  actorRoleLabel,
  AUDIT_ACTIONS,
  RECORD_TYPES,
  recordTypeLabel,
} from './labels.ts';
import { PagedList } from './Pager.tsx';
import './admin.css';

interface Draft {
  username: string;
  action: string;
  recordType: string;
  from: string;
  to: string;
}
const EMPTY: Draft = { username: '', action: '', recordType: '', from: '', to: '' };

/** The audit trail: who did what, in which role, on which record, why and when. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const entries = useQuery(auditQuery(filter, page));
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const apply = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (draft.from && !isDate(draft.from))
      found.push({ field: 'audit-from', message: t('audit.filter.dateInvalid') });
    if (draft.to && !isDate(draft.to))
      found.push({ field: 'audit-to', message: t('audit.filter.dateInvalid') });
    if (isDate(draft.from) && isDate(draft.to) && draft.from > draft.to)
      found.push({ field: 'audit-to', message: t('audit.filter.toBeforeFrom') });
    let actorAccountId: string | undefined;
    if (draft.username.trim() && found.length === 0) {
      setBusy(true);
      try {
        const account = await findAccountByUsername(draft.username);
        if (account) actorAccountId = account.id;
        else found.push({ field: 'audit-username', message: t('audit.filter.unknownUser') });
      } catch (error) {
        found.push({
          field: 'audit-username',
          message:
            error instanceof ApiError && error.status === 403
              ? t('state.forbidden')
              : t('audit.filter.lookupFailed'),
        });
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setFilter({
      actorAccountId,
      action: draft.action || undefined,
      recordType: draft.recordType || undefined,
      from: draft.from ? startOfDay(draft.from) : undefined,
      to: draft.to ? endOfDay(draft.to) : undefined,
    });
    setPage(1);
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.audit') }]} />
      <Heading1>{t('audit.title')}</Heading1>
      <Paragraph>{t('audit.intro')}</Paragraph>

      <section aria-labelledby="audit-filter-title" className="pvi-admin-section">
        <Heading2 id="audit-filter-title">{t('audit.filter.title')}</Heading2>
        <ErrorSummary errors={errors} attempt={attempt} />
        <form className="pvi-filter" noValidate onSubmit={(e) => void apply(e)}>
          <TextField
            id="audit-username"
            label={t('audit.filter.who')}
            required={false}
            value={draft.username}
            onChange={set('username')}
            autoComplete="off"
            error={errorOf('audit-username')}
          />
          <SelectField
            id="audit-action"
            label={t('audit.filter.action')}
            required={false}
            value={draft.action}
            onChange={set('action')}
            empty={t('audit.filter.all')}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
          />
          <SelectField
            id="audit-record-type"
            label={t('audit.filter.recordType')}
            required={false}
            value={draft.recordType}
            onChange={set('recordType')}
            empty={t('audit.filter.all')}
            options={RECORD_TYPES.map((r) => ({ value: r, label: recordTypeLabel(t, r) }))}
          />
          <DateField
            id="audit-from"
            label={t('audit.filter.from')}
            required={false}
            value={draft.from}
            onChange={set('from')}
            error={errorOf('audit-from')}
          />
          <DateField
            id="audit-to"
            label={t('audit.filter.to')}
            required={false}
            value={draft.to}
            onChange={set('to')}
            error={errorOf('audit-to')}
          />
          <div className="pvi-filter__actions">
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {t('audit.filter.apply')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setDraft(EMPTY);
                setErrors([]);
                setFilter({});
                setPage(1);
              }}
            >
              {t('audit.filter.reset')}
            </Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="audit-list-title">
        <div className="pvi-section-head">
          <Heading2 id="audit-list-title">
            {filtered ? t('audit.filtered') : t('audit.all')}
          </Heading2>
          <ButtonLink appearance="secondary-action-button" href={auditExportUrl(filter)}>
            {t('audit.export')}
          </ButtonLink>
        </div>
        <Paragraph className="pvi-muted">{t('audit.exportHint')}</Paragraph>
        <PagedList
          query={entries}
          empty={t('audit.none')}
          count={(count, formatted) => t('audit.count', { count, formatted })}
          pagesLabel={t('audit.pages')}
          pageSize={AUDIT_PAGE_SIZE}
          onPage={setPage}
        >
          {(items) => <AuditTable entries={items} />}
        </PagedList>
      </section>
    </>
  );
}

/** Usernames of the actors on this page, fetched once per account. */
function useUsernames(ids: string[]) {
  const results = useQueries({
    queries: ids.map((id) => ({ ...accountQuery(id), retry: false })),
  });
  return new Map(ids.map((id, i) => [id, results[i]?.data?.username ?? null]));
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const ids = [...new Set(entries.map((e) => e.actorAccountId).filter((x): x is string => !!x))];
  const usernames = useUsernames(ids);
  return (
    <div className="pvi-table-wrap" role="region" aria-label={t('audit.caption')} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{t('audit.caption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('audit.column.at')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.actor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.role')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.record')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.purpose')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.seq}>
              <TableCell>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </TableCell>
              <TableCell>
                {e.actorAccountId ? (
                  (usernames.get(e.actorAccountId) ?? (
                    <span className="pvi-id" title={e.actorAccountId}>
                      {e.actorAccountId.slice(0, 8)}…
                    </span>
                  ))
                ) : (
                  <span className="pvi-muted">{t('audit.noActor')}</span>
                )}
              </TableCell>
              <TableCell>{actorRoleLabel(t, e.actorRole)}</TableCell>
              <TableCell>{actionLabel(t, e.action)}</TableCell>
              <TableCell>
                {recordTypeLabel(t, e.recordType)}
                {e.recordId && (
                  <>
                    <br />
                    <span className="pvi-id">{e.recordId}</span>
                  </>
                )}
              </TableCell>
              <TableCell>{e.purpose ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
