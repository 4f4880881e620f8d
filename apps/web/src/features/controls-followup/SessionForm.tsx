import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReflectionSession } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import { isDate } from '../admin/dates.ts';
import { DateField } from '../admin/Fields.tsx';
import { TextAreaField } from '../monitor/plans/fields.tsx';
import { createSession, updateSession } from './api.ts';
import { serverFieldErrors, wholeNumber } from './form-errors.ts';

/**
 * Records a reflection session, or changes one (`session` given): the date, how many took part,
 * the agreed actions (one per line), notes, and the period of the figures discussed.
 */
export function SessionForm(props: {
  teamId: string;
  session?: ReflectionSession;
  period: { from: string; to: string };
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const s = props.session;
  const base = useId().replace(/:/g, '');
  const ids = {
    heldOn: `${base}-held`,
    participants: `${base}-participants`,
    agreedActions: `${base}-actions`,
    notes: `${base}-notes`,
    periodFrom: `${base}-from`,
    periodTo: `${base}-to`,
  };
  const [heldOn, setHeldOn] = useState(s?.heldOn ?? '');
  const [participants, setParticipants] = useState(s ? String(s.participants) : '');
  const [actions, setActions] = useState(s ? s.agreedActions.join('\n') : '');
  const [notes, setNotes] = useState(s?.notes ?? '');
  const [periodFrom, setPeriodFrom] = useState(s?.periodFrom ?? props.period.from);
  const [periodTo, setPeriodTo] = useState(s?.periodTo ?? props.period.to);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const count = wholeNumber(participants);
    const agreed = actions
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean);
    if (!isDate(heldOn))
      found.push({ field: ids.heldOn, message: t('followUp.session.dateRequired') });
    if (count === null || count < 1)
      found.push({ field: ids.participants, message: t('followUp.session.participantsInvalid') });
    if (agreed.length === 0 || agreed.some((a) => a.length < 3))
      found.push({ field: ids.agreedActions, message: t('followUp.session.actionsRequired') });
    if (!isDate(periodFrom))
      found.push({ field: ids.periodFrom, message: t('followUp.session.dateRequired') });
    if (!isDate(periodTo))
      found.push({ field: ids.periodTo, message: t('followUp.session.dateRequired') });
    else if (isDate(periodFrom) && periodTo < periodFrom)
      found.push({ field: ids.periodTo, message: t('followUp.session.periodOrder') });
    setErrors(found);
    setMessage(null);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    const body = {
      heldOn,
      participants: count!,
      agreedActions: agreed,
      notes: notes.trim() || null,
      periodFrom,
      periodTo,
    };
    try {
      if (s) await updateSession(props.teamId, s.id, { ...body, version: s.version });
      else await createSession(props.teamId, body);
      await client.invalidateQueries({ queryKey: ['reflection-sessions', props.teamId] });
      await client.invalidateQueries({ queryKey: ['reflection-history', props.teamId] });
      setMessage(s ? t('followUp.session.updated') : t('followUp.session.saved'));
      if (!s) {
        setHeldOn('');
        setParticipants('');
        setActions('');
        setNotes('');
      }
      props.onDone?.();
    } catch (error) {
      const server = serverFieldErrors(error, ids);
      if (server.errors.length) {
        setErrors(server.errors);
        setAttempt((n) => n + 1);
      }
      const status = error instanceof ApiError ? error.status : 0;
      setFailure(
        status === 409
          ? t('followUp.form.changedMeanwhile')
          : status === 403
            ? t('followUp.form.forbidden')
            : server.errors.length
              ? server.other.join(' ') || null
              : t('followUp.form.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const titleId = `${base}-title`;
  return (
    <section aria-labelledby={titleId} className="pvi-monitor-section">
      <Heading2 id={titleId}>
        {s ? t('followUp.session.editTitle') : t('followUp.session.newTitle')}
      </Heading2>
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
        <DateField
          id={ids.heldOn}
          label={t('followUp.session.heldOn')}
          required
          value={heldOn}
          onChange={setHeldOn}
          error={errorOf(ids.heldOn)}
        />
        <TextField
          id={ids.participants}
          label={t('followUp.session.participants')}
          required
          value={participants}
          onChange={setParticipants}
          autoComplete="off"
          description={t('followUp.session.participantsHint')}
          error={errorOf(ids.participants)}
        />
        <TextAreaField
          id={ids.agreedActions}
          label={t('followUp.session.actions')}
          required
          value={actions}
          onChange={setActions}
          rows={4}
          description={t('followUp.session.actionsHint')}
          error={errorOf(ids.agreedActions)}
        />
        <TextAreaField
          id={ids.notes}
          label={t('followUp.session.notes')}
          required={false}
          value={notes}
          onChange={setNotes}
          rows={3}
          maxLength={4000}
          error={errorOf(ids.notes)}
        />
        <DateField
          id={ids.periodFrom}
          label={t('followUp.session.periodFrom')}
          required
          value={periodFrom}
          onChange={setPeriodFrom}
          error={errorOf(ids.periodFrom)}
        />
        <DateField
          id={ids.periodTo}
          label={t('followUp.session.periodTo')}
          required
          value={periodTo}
          onChange={setPeriodTo}
          error={errorOf(ids.periodTo)}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {s ? t('followUp.session.update') : t('followUp.session.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
