import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { CreatePlanBody, PlanRisk, Wave } from '@pvi/contracts';
import { ApiError } from '../../../app/api.ts';
import { ErrorSummary, TextField, type FieldError } from '../../../components/Form.tsx';
import { Loading } from '../../../components/States.tsx';
import { isDate } from '../../admin/dates.ts';
import { DateField, SelectField } from '../../admin/Fields.tsx';
import { pick } from '../labels.ts';
import { createPlan, teamRisksQuery } from './api.ts';
import { TextAreaField } from './fields.tsx';

const ids = {
  wave: 'plan-wave',
  risks: 'plan-risks',
  themes: 'plan-themes',
  conversation: 'plan-conversation',
  summary: 'plan-summary',
  title: 'plan-measure-title',
  owner: 'plan-measure-owner',
  due: 'plan-measure-due',
  scale: 'plan-measure-scale',
};

/** The field a server error (`risks.0.code`, `measures.0.owner`, …) belongs to. */
function fieldOf(name: string): string {
  if (name === 'waveId') return ids.wave;
  if (name.startsWith('risks')) return /\.text$/.test(name) ? ids.themes : ids.risks;
  if (name === 'conversationOn') return ids.conversation;
  if (name === 'summary') return ids.summary;
  const measure = /^measures\.\d+\.(\w+)$/.exec(name)?.[1];
  if (measure === 'owner') return ids.owner;
  if (measure === 'dueOn') return ids.due;
  if (measure === 'scaleKey') return ids.scale;
  return ids.title;
}

/**
 * Agree a plan of approach on a closed wave: the risks the team recognises (flags from the
 * report, or themes in its own words), when the team talked about it, and a first measure.
 */
export function CreatePlanForm(props: {
  teamId: string;
  waves: Wave[];
  /** Waves that already have a plan: choosing one of those is refused here already. */
  planned: string[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [waveId, setWaveId] = useState(
    props.waves.find((w) => !props.planned.includes(w.id))?.id ?? '',
  );
  const [codes, setCodes] = useState<string[]>([]);
  const [themes, setThemes] = useState('');
  const [conversationOn, setConversationOn] = useState('');
  const [summary, setSummary] = useState('');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [scaleKey, setScaleKey] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const risks = useQuery({ ...teamRisksQuery(props.teamId, waveId), enabled: waveId !== '' });
  const flags = risks.data?.shown ? risks.data.flags : [];
  const scales = [
    ...new Map(
      flags
        .filter((f) => f.scaleKey && f.subject)
        .map((f) => [f.scaleKey!, { value: f.scaleKey!, label: pick(f.subject!) }]),
    ).values(),
  ];
  const themeLines = themes
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!waveId) found.push({ field: ids.wave, message: t('plans.form.waveRequired') });
    else if (props.planned.includes(waveId))
      found.push({ field: ids.wave, message: t('plans.form.waveHasPlan') });
    if (codes.length + themeLines.length === 0)
      found.push({ field: ids.risks, message: t('plans.form.risksRequired') });
    if (themeLines.some((l) => l.length < 3 || l.length > 300))
      found.push({ field: ids.themes, message: t('plans.form.themeLength') });
    if (conversationOn && !isDate(conversationOn))
      found.push({ field: ids.conversation, message: t('audit.filter.dateInvalid') });
    if (title.trim() || owner.trim()) {
      if (title.trim().length < 3)
        found.push({ field: ids.title, message: t('plans.form.titleRequired') });
      if (!owner.trim()) found.push({ field: ids.owner, message: t('plans.form.ownerRequired') });
    }
    if (dueOn && !isDate(dueOn))
      found.push({ field: ids.due, message: t('audit.filter.dateInvalid') });
    setErrors(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    const body: CreatePlanBody = {
      waveId,
      risks: [
        ...codes.map((code): PlanRisk => ({ kind: 'flag', code })),
        ...themeLines.map((text): PlanRisk => ({ kind: 'theme', text })),
      ],
      conversationOn: conversationOn || null,
      summary: summary.trim() || null,
      measures: title.trim()
        ? [
            {
              title: title.trim(),
              owner: owner.trim(),
              dueOn: dueOn || null,
              scaleKey: scaleKey || null,
            },
          ]
        : [],
    };
    setBusy(true);
    try {
      const plan = await createPlan(props.teamId, body);
      await client.invalidateQueries({ queryKey: ['team-plans', props.teamId] });
      await client.invalidateQueries({ queryKey: ['plan-overview'] });
      await navigate({
        to: '/teammonitor/teams/$teamId/plannen/$planId',
        params: { teamId: props.teamId, planId: plan.id },
      });
    } catch (error) {
      if (error instanceof ApiError && error.problem?.invalidParams?.length) {
        setErrors(
          error.problem.invalidParams.map((p) => ({
            field: fieldOf(p.name),
            message: t('monitor.create.serverField', { reason: p.reason }),
          })),
        );
      } else if (error instanceof ApiError && error.status === 409) {
        setErrors([{ field: ids.wave, message: t('plans.form.waveHasPlan') }]);
      } else if (error instanceof ApiError && error.status === 403) {
        setFailure(t('plans.form.forbidden'));
      } else {
        setFailure(t('plans.form.failed'));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const risksError = errorOf(ids.risks);
  return (
    <section aria-labelledby="plan-form-title" className="pvi-monitor-section">
      <Heading2 id="plan-form-title">{t('plans.form.title')}</Heading2>
      <Paragraph>{t('plans.form.intro')}</Paragraph>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form pvi-wave-form" noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id={ids.wave}
          label={t('plans.form.wave')}
          required
          value={waveId}
          onChange={(v) => {
            setWaveId(v);
            setCodes([]);
            setScaleKey('');
          }}
          empty={t('grant.choose')}
          options={props.waves.map((w) => ({
            value: w.id,
            label: props.planned.includes(w.id)
              ? t('plans.form.hasPlan', { wave: w.name })
              : w.name,
          }))}
          error={errorOf(ids.wave)}
        />
        <Fieldset
          className="pvi-question"
          invalid={Boolean(risksError)}
          aria-describedby={risksError ? `${ids.risks}-error` : undefined}
        >
          <FieldsetLegend className="pvi-question__label">
            {t('plans.form.risks')} <span className="pvi-muted">({t('form.required')})</span>
          </FieldsetLegend>
          <p className="pvi-muted">{t('plans.form.risksHint')}</p>
          {risksError && (
            <p id={`${ids.risks}-error`} className="pvi-field-error">
              {risksError}
            </p>
          )}
          {waveId && risks.isPending ? (
            <Loading />
          ) : flags.length === 0 ? (
            // The error summary links here when there are no flags to tick.
            <p id={ids.risks} tabIndex={-1} className="pvi-muted">
              {risks.data?.shown === false ? t('plans.risks.hidden') : t('plans.risks.none')}
            </p>
          ) : (
            flags.map((f, i) => {
              const id = i === 0 ? ids.risks : `plan-risk-${String(i)}`;
              const checked = codes.includes(f.code);
              return (
                <div className="pvi-choice pvi-choice--described" key={f.code}>
                  <Checkbox
                    id={id}
                    name="plan-risks"
                    value={f.code}
                    checked={checked}
                    invalid={Boolean(risksError)}
                    aria-describedby={`${id}-why`}
                    onChange={() => {
                      setCodes(checked ? codes.filter((c) => c !== f.code) : [...codes, f.code]);
                    }}
                  />
                  <span>
                    <FormLabel htmlFor={id} type="checkbox">
                      {f.subject ? pick(f.subject) : t(`plans.rule.${f.rule}`)}
                    </FormLabel>
                    <span id={`${id}-why`} className="pvi-muted pvi-block">
                      {pick(f.explanation)}
                    </span>
                  </span>
                </div>
              );
            })
          )}
        </Fieldset>
        <TextAreaField
          id={ids.themes}
          label={t('plans.form.themes')}
          required={false}
          value={themes}
          onChange={setThemes}
          rows={3}
          description={t('plans.form.themesHint')}
          error={errorOf(ids.themes)}
        />
        <DateField
          id={ids.conversation}
          label={t('plans.form.conversationOn')}
          required={false}
          value={conversationOn}
          onChange={setConversationOn}
          error={errorOf(ids.conversation)}
        />
        <TextAreaField
          id={ids.summary}
          label={t('plans.form.summary')}
          required={false}
          value={summary}
          onChange={setSummary}
          maxLength={4000}
          description={t('plans.form.summaryHint')}
          error={errorOf(ids.summary)}
        />
        <Fieldset className="pvi-leg">
          <FieldsetLegend className="pvi-leg__title">
            {t('plans.form.firstMeasure')} <span className="pvi-muted">({t('form.optional')})</span>
          </FieldsetLegend>
          <div className="pvi-leg__fields">
            <TextField
              id={ids.title}
              label={t('plans.measure.title')}
              required={Boolean(owner.trim())}
              value={title}
              onChange={setTitle}
              autoComplete="off"
              error={errorOf(ids.title)}
            />
            <TextField
              id={ids.owner}
              label={t('plans.measure.owner')}
              required={Boolean(title.trim())}
              value={owner}
              onChange={setOwner}
              autoComplete="off"
              description={t('plans.measure.ownerHint')}
              error={errorOf(ids.owner)}
            />
            <DateField
              id={ids.due}
              label={t('plans.measure.dueOn')}
              required={false}
              value={dueOn}
              onChange={setDueOn}
              error={errorOf(ids.due)}
            />
            {scales.length > 0 && (
              <SelectField
                id={ids.scale}
                label={t('plans.measure.scale')}
                required={false}
                value={scaleKey}
                onChange={setScaleKey}
                empty={t('plans.measure.noScale')}
                options={scales}
                error={errorOf(ids.scale)}
              />
            )}
          </div>
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('plans.form.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
