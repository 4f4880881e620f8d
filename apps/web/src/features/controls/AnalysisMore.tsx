import { useTranslation } from 'react-i18next';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { ControlAnalysis } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { DataTable, ShareText } from './AnalysisTables.tsx';
import { PopulationForm, type Population } from './PopulationForm.tsx';

const fixed = (x: number, digits: number) => formatNumber(Number(x.toFixed(digits)));
const pValue = (p: number | null) =>
  p === null ? '—' : p < 0.001 ? `< ${formatNumber(0.001)}` : fixed(p, 3);

/**
 * Disparity by group and the veil-of-darkness test: only where a group is recorded. With residents
 * per group (PopulationForm) also controls per 1,000 residents and the ratio to the reference.
 */
export function DisparitySection({
  a,
  population,
  onPopulation,
}: {
  a: ControlAnalysis;
  population: Population | null;
  onPopulation: (population: Population | null) => void;
}) {
  const { t } = useTranslation();
  const d = a.disparity;
  const v = a.veilOfDarkness;
  const rates = d?.groups.some((g) => g.populationRate !== null) ?? false;
  return (
    <section aria-labelledby="ctl-disparity" className="pvi-figures-section">
      <Heading2 id="ctl-disparity">{t('controls.figures.disparity')}</Heading2>
      {!d ? (
        <Paragraph>
          {t('controls.figures.disparityNone')}{' '}
          {a.disparityReason && <span lang="en">({a.disparityReason})</span>}
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('controls.figures.disparityIntro', {
              attribute: t(`controls.value.groupAttribute.${d.groupAttribute}`),
              reference: d.referenceGroup,
            })}
          </Paragraph>
          <DataTable
            caption={t('controls.figures.disparityCaption')}
            headers={[
              t('controls.figures.group'),
              t('controls.figures.controls'),
              t('controls.figures.searchRate'),
              t('controls.figures.hitRateOfSearches'),
              t('controls.figures.outcomeDifference'),
              'p',
              ...(rates
                ? [
                    t('controls.population.residents'),
                    t('controls.population.perThousand'),
                    t('controls.population.ratio'),
                  ]
                : []),
            ]}
            rows={d.groups.map((g) => ({
              key: g.group,
              cells: [
                g.group,
                g.controls === null ? '—' : formatNumber(g.controls),
                g.suppressed ? (
                  t('controls.figures.suppressed')
                ) : (
                  <ShareText key="s" share={g.searchRate} />
                ),
                g.suppressed ? '—' : <ShareText key="h" share={g.hitRateOfSearches} />,
                g.outcomeTest
                  ? t('controls.figures.points', {
                      estimate: fixed(g.outcomeTest.difference.estimate * 100, 1),
                      lower: fixed(g.outcomeTest.difference.lower * 100, 1),
                      upper: fixed(g.outcomeTest.difference.upper * 100, 1),
                    })
                  : '—',
                pValue(g.outcomeTest?.test.p ?? null),
                ...(rates ? populationCells(g.populationRate) : []),
              ],
            }))}
          />
          <PopulationForm population={population} onChange={onPopulation} />
        </>
      )}
      <Heading3>{t('controls.figures.veil')}</Heading3>
      {!v ? (
        <Paragraph>
          {t('controls.figures.veilNone')}{' '}
          {a.veilOfDarknessReason && <span lang="en">({a.veilOfDarknessReason})</span>}
        </Paragraph>
      ) : (
        <dl className="pvi-facts">
          <dt>{t('controls.figures.focusGroup')}</dt>
          <dd>{v.focusGroup}</dd>
          <dt>{t('controls.figures.oddsRatio')}</dt>
          <dd>
            {v.darkness ? (
              `${fixed(v.darkness.oddsRatio, 2)} (${fixed(v.darkness.oddsRatioLower, 2)}–${fixed(v.darkness.oddsRatioUpper, 2)}), p = ${pValue(v.darkness.p)}`
            ) : v.reason ? (
              <span lang="en">{v.reason}</span>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('controls.figures.controlsUsed')}</dt>
          <dd>
            {t('controls.figures.darkLight', {
              used: formatNumber(v.controlsUsed),
              dark: formatNumber(v.darkControls),
              light: formatNumber(v.lightControls),
            })}
          </dd>
        </dl>
      )}
    </section>
  );
}

type PopulationRate = NonNullable<ControlAnalysis['disparity']>['groups'][number]['populationRate'];

/** Residents, controls per 1,000 residents, and the ratio to the reference with its interval. */
function populationCells(r: PopulationRate): string[] {
  if (!r) return ['—', '—', '—'];
  const ratio =
    r.ratio === null
      ? '—'
      : r.lower === null || r.upper === null
        ? fixed(r.ratio, 2)
        : `${fixed(r.ratio, 2)} (${fixed(r.lower, 2)}–${fixed(r.upper, 2)})`;
  return [formatNumber(r.residents), fixed(r.perThousand, 2), ratio];
}

/** Everything an analysis left out, and why: nothing is dropped silently. */
export function ExclusionsSection({ a }: { a: ControlAnalysis }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ctl-exclusions" className="pvi-figures-section">
      <Heading2 id="ctl-exclusions">{t('controls.figures.exclusions')}</Heading2>
      <Paragraph>{t('controls.figures.exclusionsIntro')}</Paragraph>
      {a.exclusions.length === 0 ? (
        <Paragraph>{t('controls.figures.exclusionsNone')}</Paragraph>
      ) : (
        <DataTable
          caption={t('controls.figures.exclusions')}
          headers={[
            t('controls.figures.analysis'),
            t('controls.figures.reason'),
            t('controls.figures.controls'),
          ]}
          rows={a.exclusions.map((e) => ({
            key: `${e.analysis}:${e.reason}`,
            cells: [
              <code key="a">{e.analysis}</code>,
              <span key="d" lang="en">
                {e.description}
              </span>,
              formatNumber(e.controls),
            ],
          }))}
        />
      )}
    </section>
  );
}
