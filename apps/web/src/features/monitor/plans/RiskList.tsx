import { useTranslation } from 'react-i18next';
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { PlanRisk, TeamRisks } from '@pvi/contracts';
import { pick } from '../labels.ts';

/** The risk flags of a team in a wave, each with why; and what could not be judged, and why. */
export function RiskFlags({ risks }: { risks: TeamRisks }) {
  const { t } = useTranslation();
  if (!risks.wave) return <Paragraph className="pvi-muted">{t('plans.risks.noWave')}</Paragraph>;
  if (risks.shown === false)
    return <Paragraph className="pvi-muted">{t('plans.risks.hidden')}</Paragraph>;
  return (
    <>
      {risks.flags.length === 0 ? (
        <Paragraph>{t('plans.risks.none')}</Paragraph>
      ) : (
        <UnorderedList className="pvi-risk-list">
          {risks.flags.map((f) => (
            <UnorderedListItem key={f.code}>
              <strong>{f.subject ? pick(f.subject) : t(`plans.rule.${f.rule}`)}</strong>
              {' — '}
              {pick(f.explanation)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {risks.notEvaluated.length > 0 && (
        <Paragraph className="pvi-muted">
          {t('plans.risks.notEvaluated')} {risks.notEvaluated.map((n) => pick(n.reason)).join(' ')}
        </Paragraph>
      )}
    </>
  );
}

/** A plan's chosen risks: flags in words (from the wave's flags), own themes as written. */
export function PlanRisks({ risks, flags }: { risks: PlanRisk[]; flags: TeamRisks | undefined }) {
  const { t } = useTranslation();
  const byCode = new Map((flags?.flags ?? []).map((f) => [f.code, f]));
  return (
    <UnorderedList className="pvi-risk-list">
      {risks.map((r, i) => {
        if (r.kind === 'theme')
          return (
            <UnorderedListItem key={`theme-${String(i)}`}>
              <strong>{t('plans.risks.theme')}</strong> — {r.text}
            </UnorderedListItem>
          );
        const flag = byCode.get(r.code);
        return (
          <UnorderedListItem key={r.code}>
            <strong>{flag?.subject ? pick(flag.subject) : r.code}</strong>
            {flag && <> — {pick(flag.explanation)}</>}
          </UnorderedListItem>
        );
      })}
    </UnorderedList>
  );
}
