import { useState } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
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
import type { MailMessage, Page } from '@pvi/contracts';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { qs } from './api.ts';
import { SelectField } from './Fields.tsx';
import { PagedList } from './Pager.tsx';
import './admin.css';
import '../monitor/monitor.css';

export const OUTBOX_PAGE_SIZE = 25;
/** Kinds of mail the platform sends; others are shown as they are stored. */
const MAIL_KINDS = ['survey_invitation', 'survey_reminder'] as const;

const outboxQuery = (kind: string, page: number) =>
  queryOptions({
    queryKey: ['mail-outbox', kind, page],
    queryFn: () =>
      api<Page<MailMessage>>(
        `/mail/outbox${qs({ kind: kind || undefined, page, pageSize: OUTBOX_PAGE_SIZE })}`,
      ),
    placeholderData: (previous) => previous,
  });

/**
 * Outgoing mail, newest first. Without an SMTP server mail is held here for the administrator;
 * once sent, one-time links are removed from the stored copy.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(1);
  const mail = useQuery(outboxQuery(kind, page));
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.outbox') }]} />
      <Heading1>{t('outbox.title')}</Heading1>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <Alert type="warning">
        <Paragraph>{t('outbox.heldWarning')}</Paragraph>
      </Alert>

      <div className="pvi-search">
        <SelectField
          id="outbox-kind"
          label={t('outbox.kind')}
          required={false}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          empty={t('audit.filter.all')}
          options={MAIL_KINDS.map((k) => ({ value: k, label: t(`outbox.kinds.${k}`) }))}
        />
      </div>

      <section aria-labelledby="outbox-list-title">
        <Heading2 id="outbox-list-title">
          {kind ? t(`outbox.kinds.${kind}`) : t('outbox.all')}
        </Heading2>
        <PagedList
          query={mail}
          empty={t('outbox.none')}
          count={(count, formatted) => t('outbox.count', { count, formatted })}
          pagesLabel={t('outbox.pages')}
          pageSize={OUTBOX_PAGE_SIZE}
          onPage={setPage}
        >
          {(items) => <OutboxTable items={items} />}
        </PagedList>
      </section>
    </>
  );
}

function OutboxTable({ items }: { items: MailMessage[] }) {
  const { t, i18n } = useTranslation();
  const kindLabel = (kind: string) => {
    const key = `outbox.kinds.${kind}`;
    return i18n.exists(key) ? t(key) : kind;
  };
  return (
    <div className="pvi-table-wrap" role="region" aria-label={t('outbox.caption')} tabIndex={0}>
      <Table className="pvi-outbox">
        <caption className="pvi-visually-hidden">{t('outbox.caption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('outbox.column.to')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('outbox.column.subject')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('outbox.column.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('outbox.column.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('outbox.column.created')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('outbox.column.sent')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((m) => (
            <TableRow key={m.id}>
              <TableCell className="pvi-outbox__to">{m.recipient}</TableCell>
              <TableCell>
                <details className="pvi-mail">
                  <summary>
                    {m.subject}
                    <span className="pvi-visually-hidden"> — {t('outbox.showBody')}</span>
                  </summary>
                  <pre className="pvi-mail__body">{m.body}</pre>
                </details>
              </TableCell>
              <TableCell>{kindLabel(m.kind)}</TableCell>
              <TableCell>{t(`outbox.status.${m.status}`)}</TableCell>
              <TableCell>
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </TableCell>
              <TableCell>
                {m.sentAt ? <time dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time> : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
