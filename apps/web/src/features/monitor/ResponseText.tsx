import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/i18n.ts';
import { formatPercent } from './format.ts';

/** "412 van 600 (69 %)", or only the count when nobody was invited through the platform. */
export function ResponseText({ invited, responded }: { invited: number; responded: number }) {
  const { t } = useTranslation();
  if (invited === 0)
    return responded > 0 ? (
      <>{t('monitor.respondedOnly', { count: responded, formatted: formatNumber(responded) })}</>
    ) : (
      <>—</>
    );
  return (
    <>
      {t('monitor.response', {
        responded: formatNumber(responded),
        invited: formatNumber(invited),
        rate: formatPercent(responded / invited),
      })}
    </>
  );
}
