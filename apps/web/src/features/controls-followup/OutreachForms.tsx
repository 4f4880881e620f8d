import { useState } from 'react';
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
import type { OutreachActivityKind, TeamOutreachYear } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import { isDate } from '../admin/dates.ts';
import { DateField, SelectField } from '../admin/Fields.tsx';
import { membersQuery } from '../org/api.ts';
import { addActivity, updateOutreachActivityCaches, updateOutreachYear } from './api.ts';
import { serverFieldErrors, wholeNumber } from './form-errors.ts';

function useFormState() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    errors,
    setErrors,
    attempt,
    setAttempt,
    message,
    setMessage,
    failure,
    setFailure,
    busy,
    setBusy,
  };
}

function Messages({ message, failure }: { message: string | null; failure: string | null }) {
  return (
    <>
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
    </>
  );
}

const failureText = (
  t: (key: string) => string,
  error: unknown,
  server: { errors: FieldError[]; other: string[] },
) => {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 409) return t('followUp.form.changedMeanwhile');
  if (status === 403) return t('followUp.form.forbidden');
  if (server.errors.length) return server.other.join(' ') || null;
  return server.other.length ? server.other.join(' ') : t('followUp.form.failed');
};

/** The year's ambassadors (people of the team) and IBT participation. */
export function YearForm({ data }: { data: TeamOutreachYear }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useFormState();
  const members = useQuery(membersQuery(data.team.id));
  const [chosen, setChosen] = useState<string[]>(data.ambassadors.map((a) => a.personId));
  const [ibt, setIbt] = useState(data.ibtParticipants === null ? '' : String(data.ibtParticipants));
  const ids = { ambassadorPersonIds: 'year-ambassadors', ibtParticipants: 'year-ibt' };
  // Current members, plus ambassadors who have since left the team.
  const people = [
    ...(members.data ?? []).map((m) => ({ id: m.id, name: m.name })),
    ...data.ambassadors
      .filter((a) => !(members.data ?? []).some((m) => m.id === a.personId))
      .map((a) => ({ id: a.personId, name: a.name })),
  ];

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const count = ibt.trim() === '' ? null : wholeNumber(ibt);
    if (ibt.trim() !== '' && count === null)
      found.push({ field: ids.ibtParticipants, message: t('followUp.year.ibtInvalid') });
    f.setErrors(found);
    f.setMessage(null);
    f.setFailure(null);
    f.setAttempt((n) => n + 1);
    if (found.length) return;
    f.setBusy(true);
    try {
      const next = await updateOutreachYear(data.team.id, data.year, {
        ambassadorPersonIds: chosen,
        ibtParticipants: count,
        ...(data.version !== null ? { version: data.version } : {}),
      });
      client.setQueryData(['outreach-year', data.team.id, data.year], next);
      await client.invalidateQueries({ queryKey: ['outreach-coverage'] });
      f.setMessage(t('followUp.year.saved'));
    } catch (error) {
      const server = serverFieldErrors(error, ids);
      if (server.errors.length) {
        f.setErrors(server.errors);
        f.setAttempt((n) => n + 1);
      }
      f.setFailure(failureText(t, error, server));
    } finally {
      f.setBusy(false);
    }
  };

  const errorOf = (field: string) => f.errors.find((e) => e.field === field)?.message;
  const ambassadorsError = errorOf(ids.ambassadorPersonIds);
  return (
    <section aria-labelledby="year-form-title" className="pvi-monitor-section">
      <Heading2 id="year-form-title">{t('followUp.year.formTitle', { year: data.year })}</Heading2>
      <Messages message={f.message} failure={f.failure} />
      <ErrorSummary errors={f.errors} attempt={f.attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <Fieldset invalid={Boolean(ambassadorsError)}>
          <FieldsetLegend>
            {t('followUp.year.ambassadors')}{' '}
            <span className="pvi-muted">({t('form.optional')})</span>
          </FieldsetLegend>
          <p className="pvi-muted">{t('followUp.year.ambassadorsHint')}</p>
          {ambassadorsError && (
            <p id={`${ids.ambassadorPersonIds}-error`} className="pvi-field-error">
              {ambassadorsError}
            </p>
          )}
          {people.map((p, i) => {
            const id = i === 0 ? ids.ambassadorPersonIds : `year-ambassador-${String(i)}`;
            const checked = chosen.includes(p.id);
            return (
              <div className="pvi-choice" key={p.id}>
                <Checkbox
                  id={id}
                  name="year-ambassadors"
                  value={p.id}
                  checked={checked}
                  invalid={Boolean(ambassadorsError)}
                  onChange={() => {
                    setChosen(checked ? chosen.filter((c) => c !== p.id) : [...chosen, p.id]);
                  }}
                />
                <FormLabel htmlFor={id} type="checkbox">
                  {p.name}
                </FormLabel>
              </div>
            );
          })}
          {people.length === 0 && (
            <p id={ids.ambassadorPersonIds} tabIndex={-1} className="pvi-muted">
              {members.isPending ? t('state.loading') : t('followUp.year.noMembers')}
            </p>
          )}
        </Fieldset>
        <TextField
          id={ids.ibtParticipants}
          label={t('followUp.year.ibt')}
          required={false}
          value={ibt}
          onChange={setIbt}
          autoComplete="off"
          description={t('followUp.year.ibtHint', { size: data.coverage.teamSize })}
          error={errorOf(ids.ibtParticipants)}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={f.busy}>
            {t('followUp.year.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Records a VR session or a dialogue meeting with citizens. */
export function ActivityForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useFormState();
  const [kind, setKind] = useState<OutreachActivityKind | ''>('');
  const [heldOn, setHeldOn] = useState('');
  const [participants, setParticipants] = useState('');
  const [description, setDescription] = useState('');
  const ids = {
    kind: 'activity-kind',
    heldOn: 'activity-held',
    participants: 'activity-participants',
    description: 'activity-description',
  };

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const count = wholeNumber(participants);
    if (!kind) found.push({ field: ids.kind, message: t('followUp.activity.kindRequired') });
    if (!isDate(heldOn))
      found.push({ field: ids.heldOn, message: t('followUp.session.dateRequired') });
    if (count === null || count < 1)
      found.push({ field: ids.participants, message: t('followUp.session.participantsInvalid') });
    f.setErrors(found);
    f.setMessage(null);
    f.setFailure(null);
    f.setAttempt((n) => n + 1);
    if (found.length || !kind) return;
    f.setBusy(true);
    try {
      await addActivity(teamId, {
        kind,
        heldOn,
        participants: count!,
        description: description.trim() || null,
      });
      await updateOutreachActivityCaches(client, teamId);
      f.setMessage(t('followUp.activity.saved'));
      setHeldOn('');
      setParticipants('');
      setDescription('');
    } catch (error) {
      const server = serverFieldErrors(error, ids);
      if (server.errors.length) {
        f.setErrors(server.errors);
        f.setAttempt((n) => n + 1);
      }
      f.setFailure(failureText(t, error, server));
    } finally {
      f.setBusy(false);
    }
  };

  const errorOf = (field: string) => f.errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="activity-form-title" className="pvi-monitor-section">
      <Heading2 id="activity-form-title">{t('followUp.activity.formTitle')}</Heading2>
      <Messages message={f.message} failure={f.failure} />
      <ErrorSummary errors={f.errors} attempt={f.attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id={ids.kind}
          label={t('followUp.activity.kind')}
          required
          value={kind}
          onChange={(v) => {
            setKind(v as OutreachActivityKind | '');
          }}
          empty={t('grant.choose')}
          options={(['dialogue', 'vr_session'] as const).map((k) => ({
            value: k,
            label: t(`followUp.activity.kinds.${k}`),
          }))}
          error={errorOf(ids.kind)}
        />
        <DateField
          id={ids.heldOn}
          label={t('followUp.activity.heldOn')}
          required
          value={heldOn}
          onChange={setHeldOn}
          error={errorOf(ids.heldOn)}
        />
        <TextField
          id={ids.participants}
          label={t('followUp.activity.participants')}
          required
          value={participants}
          onChange={setParticipants}
          autoComplete="off"
          description={t('followUp.activity.participantsHint')}
          error={errorOf(ids.participants)}
        />
        <TextField
          id={ids.description}
          label={t('followUp.activity.description')}
          required={false}
          value={description}
          onChange={setDescription}
          autoComplete="off"
          description={t('followUp.activity.descriptionHint')}
          error={errorOf(ids.description)}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={f.busy}>
            {t('followUp.activity.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
