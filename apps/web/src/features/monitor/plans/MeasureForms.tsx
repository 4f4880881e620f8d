import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { MeasureStatus, TeamPlan } from '@pvi/contracts';
import { ApiError } from '../../../app/api.ts';
import { ErrorSummary, TextField, type FieldError } from '../../../components/Form.tsx';
import { isDate } from '../../admin/dates.ts';
import { DateField, SelectField } from '../../admin/Fields.tsx';
import { addMeasure, updateMeasure } from './api.ts';
import { TextAreaField } from './fields.tsx';

export const MEASURE_STATUSES: MeasureStatus[] = ['planned', 'in_progress', 'done', 'stopped'];

/** After a change: the plan as the server now has it, and lists that count measures. */
function useRefresh(plan: TeamPlan) {
  const client = useQueryClient();
  return async (next: TeamPlan) => {
    client.setQueryData(['team-plan', plan.teamId, plan.id], next);
    await client.invalidateQueries({ queryKey: ['team-plans', plan.teamId] });
    await client.invalidateQueries({ queryKey: ['team-plan-history', plan.teamId, plan.id] });
    await client.invalidateQueries({ queryKey: ['plan-overview'] });
  };
}

/** Adds a measure: what, who, by when. */
export function AddMeasureForm({ plan }: { plan: TeamPlan }) {
  const { t } = useTranslation();
  const refresh = useRefresh(plan);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (title.trim().length < 3)
      found.push({ field: 'measure-title', message: t('plans.form.titleRequired') });
    if (!owner.trim())
      found.push({ field: 'measure-owner', message: t('plans.form.ownerRequired') });
    if (dueOn && !isDate(dueOn))
      found.push({ field: 'measure-due', message: t('audit.filter.dateInvalid') });
    setErrors(found);
    setMessage(null);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    try {
      const next = await addMeasure(plan.teamId, plan.id, {
        title: title.trim(),
        owner: owner.trim(),
        dueOn: dueOn || null,
      });
      await refresh(next);
      setMessage(t('plans.measure.added', { title: title.trim() }));
      setTitle('');
      setOwner('');
      setDueOn('');
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 403
          ? t('plans.form.forbidden')
          : t('plans.form.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="add-measure-title" className="pvi-monitor-section">
      <Heading2 id="add-measure-title">{t('plans.measure.addTitle')}</Heading2>
      <div role="status" aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="measure-title"
          label={t('plans.measure.title')}
          required
          value={title}
          onChange={setTitle}
          autoComplete="off"
          error={errorOf('measure-title')}
        />
        <TextField
          id="measure-owner"
          label={t('plans.measure.owner')}
          required
          value={owner}
          onChange={setOwner}
          autoComplete="off"
          description={t('plans.measure.ownerHint')}
          error={errorOf('measure-owner')}
        />
        <DateField
          id="measure-due"
          label={t('plans.measure.dueOn')}
          required={false}
          value={dueOn}
          onChange={setDueOn}
          error={errorOf('measure-due')}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('plans.measure.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Brings a measure up to date: its status, progress and a note, against the version read. */
export function UpdateMeasureForm({ plan }: { plan: TeamPlan }) {
  const { t } = useTranslation();
  const refresh = useRefresh(plan);
  const [measureId, setMeasureId] = useState('');
  const [status, setStatus] = useState<MeasureStatus | ''>('');
  const [progress, setProgress] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (id: string) => {
    const m = plan.measures.find((x) => x.id === id);
    setMeasureId(id);
    setStatus(m?.status ?? '');
    setProgress(m?.progress === null || m?.progress === undefined ? '' : String(m.progress));
    setNote(m?.progressNote ?? '');
  };

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!measureId) found.push({ field: 'update-measure', message: t('plans.measure.choose') });
    const percent = progress.trim() === '' ? null : Number(progress);
    if (percent !== null && (!Number.isInteger(percent) || percent < 0 || percent > 100))
      found.push({ field: 'update-progress', message: t('plans.measure.progressInvalid') });
    setErrors(found);
    setMessage(null);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length || !status) return;
    setBusy(true);
    try {
      const next = await updateMeasure(plan.teamId, plan.id, measureId, {
        status,
        progress: percent,
        progressNote: note.trim() || null,
        version: plan.version,
      });
      await refresh(next);
      setMessage(t('plans.measure.updated'));
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 409
          ? t('plans.measure.changedMeanwhile')
          : error instanceof ApiError && error.status === 403
            ? t('plans.form.forbidden')
            : t('plans.form.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  if (plan.measures.length === 0) return null;
  return (
    <section aria-labelledby="update-measure-title" className="pvi-monitor-section">
      <Heading2 id="update-measure-title">{t('plans.measure.updateTitle')}</Heading2>
      <div role="status" aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id="update-measure"
          label={t('plans.measure.which')}
          required
          value={measureId}
          onChange={choose}
          empty={t('grant.choose')}
          options={plan.measures.map((m) => ({ value: m.id, label: m.title }))}
          error={errorOf('update-measure')}
        />
        {measureId && (
          <>
            <SelectField
              id="update-status"
              label={t('plans.measure.status')}
              required
              value={status}
              onChange={(v) => {
                setStatus(v as MeasureStatus);
              }}
              options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))}
            />
            <TextField
              id="update-progress"
              label={t('plans.measure.progress')}
              required={false}
              value={progress}
              onChange={setProgress}
              autoComplete="off"
              description={t('plans.measure.progressHint')}
              error={errorOf('update-progress')}
            />
            <TextAreaField
              id="update-note"
              label={t('plans.measure.note')}
              required={false}
              value={note}
              onChange={setNote}
              rows={3}
              maxLength={2000}
            />
          </>
        )}
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('plans.measure.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
