import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  label: string;
  to?: string;
  params?: Record<string, string>;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="pvi-breadcrumbs" aria-label={t('layout.breadcrumbs')}>
      <ol>
        {items.map((c, i) => (
          <li key={`${c.label}-${i}`}>
            {c.to && i < items.length - 1 ? (
              // Exact: the router would otherwise mark "Organisatie" as the current page on
              // every page below it, next to the real current page at the end of the trail.
              <Link to={c.to} params={c.params} activeOptions={{ exact: true }}>
                {c.label}
              </Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
