import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { formatNumber } from '../../app/i18n.ts';

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
