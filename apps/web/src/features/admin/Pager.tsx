import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import type { Page } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { Empty, Failure, Loading } from '../../components/States.tsx';

/** Previous/next for a paged list, with where you are in words. */
export function Pager(props: {
  label: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const last = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (props.total <= props.pageSize && props.page === 1) return null;
  const first = (props.page - 1) * props.pageSize + 1;
  const end = Math.min(props.total, props.page * props.pageSize);
  return (
    <nav className="pvi-pager" aria-label={props.label}>
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={props.page <= 1}
        onClick={() => {
          props.onPage(props.page - 1);
        }}
      >
        {t('pager.previous')}
      </Button>
      <span aria-live="polite">
        {t('pager.position', {
          first: formatNumber(first),
          last: formatNumber(end),
          total: formatNumber(props.total),
          page: formatNumber(props.page),
          pages: formatNumber(last),
        })}
      </span>
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={props.page >= last}
        onClick={() => {
          props.onPage(props.page + 1);
        }}
      >
        {t('pager.next')}
      </Button>
    </nav>
  );
}

/**
 * A paged list in all its states: loading, failed, empty, or its count in words, the rows
 * (rendered by the caller) and the pager.
 */
export function PagedList<T>(props: {
  query: UseQueryResult<Page<T>>;
  /** Shown when there is nothing to list. */
  empty: string;
  /** The count in words, e.g. t('audit.count', …). */
  count: (total: number, formatted: string) => string;
  /** The accessible name of the pager. */
  pagesLabel: string;
  pageSize: number;
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure error={query.error} />;
  if (query.data.items.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <>
      <Paragraph aria-live="polite">
        {props.count(query.data.total, formatNumber(query.data.total))}
      </Paragraph>
      {props.children(query.data.items)}
      <Pager
        label={props.pagesLabel}
        page={query.data.page}
        pageSize={props.pageSize}
        total={query.data.total}
        onPage={props.onPage}
      />
    </>
  );
}
