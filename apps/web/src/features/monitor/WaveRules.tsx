import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Wave } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import { installationRulesQuery, setWaveRules, waveQuery, type DisclosureSettings } from './api.ts';

const MAX = 1000;
const FIELD: Record<keyof DisclosureSettings, string> = {
  minGroupSize: 'rules-min-group',
  minOpenAnswerGroupSize: 'rules-min-open',
};

/** The rules as a list: the threshold for figures and the one for open answers. */
function RulesList({ rules }: { rules: DisclosureSettings }) {
  const { t } = useTranslation();
  return (
    <dl className="pvi-facts pvi-facts--wide">
      <dt>{t('waveRules.minGroupSize')}</dt>
      <dd>{t('waveRules.people', { count: rules.minGroupSize })}</dd>
      <dt>{t('waveRules.minOpen')}</dt>
      <dd>{t('waveRules.people', { count: rules.minOpenAnswerGroupSize })}</dd>
    </dl>
  );
}

/** On the create page: what a new wave starts with, and that it is locked when the wave opens. */
export function InstallationRules() {
  const { t } = useTranslation();
  const rules = useQuery(installationRulesQuery);
  return (
    <section aria-labelledby="installation-rules-title" className="pvi-monitor-section">
      <Heading2 id="installation-rules-title">{t('waveRules.installationTitle')}</Heading2>
      <Paragraph>{t('waveRules.installationIntro')}</Paragraph>
      {rules.data && <RulesList rules={rules.data} />}
      {rules.isError && <Paragraph className="pvi-muted">{t('waveRules.unavailable')}</Paragraph>}
    </section>
  );
}

export function validateRulesDraft(
  draft: Record<keyof DisclosureSettings, string>,
  message: (field: keyof DisclosureSettings, min: number) => string,
): FieldError[] {
  const errors: FieldError[] = [];
  const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);
  const k = whole(draft.minGroupSize);
  if (!(k >= 2 && k <= MAX))
    errors.push({ field: FIELD.minGroupSize, message: message('minGroupSize', 2) });
  const open = whole(draft.minOpenAnswerGroupSize);
  const floor = k >= 2 && k <= MAX ? k : 2;
  if (!(open >= floor && open <= MAX))
    errors.push({
      field: FIELD.minOpenAnswerGroupSize,
      message: message('minOpenAnswerGroupSize', floor),
    });
  return errors;
}

/** On a draft wave's page: its own copy of the rules, which managers may change until it opens. */
export function DraftRulesForm({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    minGroupSize: String(wave.rules.minGroupSize),
    minOpenAnswerGroupSize: String(wave.rules.minOpenAnswerGroupSize),
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found = validateRulesDraft(draft, (field, min) =>
      t(`waveRules.error.${field}`, { min, max: MAX }),
    );
    setErrors(found);
    setAttempt((n) => n + 1);
    setSaved(false);
    setFailure(null);
    if (found.length) return;
    setBusy(true);
    try {
      const updated = await setWaveRules(wave.id, {
        minGroupSize: Number(draft.minGroupSize),
        minOpenAnswerGroupSize: Number(draft.minOpenAnswerGroupSize),
      });
      client.setQueryData(waveQuery(wave.id).queryKey, updated);
      setSaved(true);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      const server = Object.entries(fields).flatMap(([name, message]) =>
        name in FIELD ? [{ field: FIELD[name as keyof DisclosureSettings], message }] : [],
      );
      if (server.length) {
        setErrors(server);
        setAttempt((n) => n + 1);
      } else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="wave-rules-title" className="pvi-monitor-section">
      <Heading2 id="wave-rules-title">{t('waveRules.draftTitle')}</Heading2>
      <Paragraph>{t('waveRules.draftIntro')}</Paragraph>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        {(Object.keys(FIELD) as (keyof DisclosureSettings)[]).map((key) => (
          <TextField
            key={key}
            id={FIELD[key]}
            label={t(key === 'minGroupSize' ? 'waveRules.minGroupSize' : 'waveRules.minOpen')}
            required
            value={draft[key]}
            onChange={(value) => {
              setDraft((d) => ({ ...d, [key]: value }));
            }}
            autoComplete="off"
            description={t(`waveRules.hint.${key}`)}
            error={errorOf(FIELD[key])}
          />
        ))}
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t('waveRules.save')}
          </Button>
        </div>
      </form>
      {saved && <Paragraph role="status">{t('waveRules.saved')}</Paragraph>}
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
