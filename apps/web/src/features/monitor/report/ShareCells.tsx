import { useTranslation } from 'react-i18next';
import { TableCell } from '@utrecht/component-library-react';
import {
  formatShare,
  formatSigned,
  shareBand,
  type Comparison,
  type ShownShare,
} from '../format.ts';
import { reasonTexts } from '../labels.ts';

/** A favourable share in a heatmap cell: the number, on a tint by band (never colour alone). */
export function ShareCell({ share }: { share: ShownShare | undefined }) {
  if (!share)
    return (
      <TableCell>
        <span className="pvi-muted">—</span>
      </TableCell>
    );
  return (
    <TableCell className={`pvi-heat pvi-heat--${shareBand(share)}`}>{formatShare(share)}</TableCell>
  );
}

/** The cell of a hidden group: "te weinig respondenten", with why, across the scale columns. */
export function HiddenCells(props: { reasons: string[]; span: number; min: number }) {
  const { t } = useTranslation();
  const why = reasonTexts(t, props.reasons, props.min);
  return (
    <TableCell colSpan={props.span} className="pvi-hidden-cell">
      {t('monitor.hidden.short')}
      {why.length > 0 && <span className="pvi-muted"> ({why.join('; ')})</span>}
    </TableCell>
  );
}

/**
 * A difference with a comparison group: an arrow and the signed difference in means, the size in
 * words (its colour band follows it), and whether it is significant — or that no claim is made.
 */
export function ComparisonText({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  if (!comparison) return <span className="pvi-muted">{t('monitor.compare.none')}</span>;
  const { difference, effect, significant } = comparison;
  const direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  const size = effect ?? 'none';
  return (
    <span className={`pvi-effect pvi-effect--${direction} pvi-effect--${size}`}>
      <span aria-hidden="true" className="pvi-effect__icon">
        {direction === 'up' ? '▲' : direction === 'down' ? '▼' : '●'}
      </span>{' '}
      <span className="pvi-effect__number">{formatSigned(difference)}</span>
      <span className="pvi-effect__words">
        {t(`monitor.effect.${size}`)} ·{' '}
        {significant === null ? (
          t('monitor.compare.noClaim')
        ) : significant ? (
          <strong>{t('monitor.compare.significant')}</strong>
        ) : (
          t('monitor.compare.notSignificant')
        )}
      </span>
    </span>
  );
}
