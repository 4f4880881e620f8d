import { useTranslation } from 'react-i18next';
import {
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReflectionFigures } from '@pvi/contracts';
import { formatPercent } from '../monitor/format.ts';
import { promptsFor, type PromptReason } from './prompts.ts';

function ReasonText({ reason }: { reason: PromptReason }) {
  const { t } = useTranslation();
  const v = reason.values;
  return (
    <>
      {t(`followUp.prompts.reason.${reason.key}`, {
        share: typeof v.share === 'number' ? formatPercent(v.share) : '',
        overall: typeof v.overall === 'number' ? formatPercent(v.overall) : '',
        reason: typeof v.reason === 'string' ? t(`followUp.selectionReason.${v.reason}`) : '',
      })}
    </>
  );
}

/** Conversation prompts along the handelingskader; themes the figures point at come with why. */
export function Prompts({ figures }: { figures: ReflectionFigures | null }) {
  const { t } = useTranslation();
  return (
    <>
      {promptsFor(figures).map((p) => (
        <div key={p.theme} className="pvi-card">
          <Heading3>{t(`followUp.prompts.${p.theme}.title`)}</Heading3>
          {p.reasons.map((r) => (
            <Paragraph key={`${r.key}-${String(r.values.reason ?? '')}`} className="pvi-attention">
              <strong>{t('followUp.prompts.attention')}</strong> <ReasonText reason={r} />
            </Paragraph>
          ))}
          <UnorderedList>
            {p.questions.map((q) => (
              <UnorderedListItem key={q}>{t(`followUp.prompts.${p.theme}.${q}`)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      ))}
    </>
  );
}
