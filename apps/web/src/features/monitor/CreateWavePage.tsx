import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import type { Wave } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import { SelectField } from '../admin/Fields.tsx';
import { unitsQuery } from '../org/api.ts';
import { createWave, wavesQuery } from './api.ts';
import { DistrictChoice } from './create/DistrictChoice.tsx';
import {
  addDays,
  fieldIds,
  fieldOfServerParam,
  toBody,
  validateDraft,
  type Leg,
  type WaveDraft,
} from './create/draft.ts';
import { LegFields } from './create/LegFields.tsx';
import { InstallationRules } from './WaveRules.tsx';
import { todayInAmsterdam } from './format.ts';
import { INSTRUMENTS } from './labels.ts';
import './monitor.css';

/** A new draft wave: instrument, units in relay order with their dates, optionally districts. */
export function CreateWavePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSession();
  const grant = session?.activeGrant ?? null;
  const ownUnit = grant?.scopeType === 'unit' ? grant.scopeId : null;
  const units = useQuery(unitsQuery());
  const waves = useQuery(wavesQuery);
  const today = todayInAmsterdam();
  const [nextKey, setNextKey] = useState(1);
  const [draft, setDraft] = useState<WaveDraft>(() => ({
    name: '',
    instrumentKey: '',
    legs: [{ key: 0, unitId: ownUnit ?? '', opensOn: today, closesOn: addDays(today, 14) }],
    districtsByUnit: {},
    previousWaveId: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unitOptions = (units.data?.items ?? [])
    .filter((u) => !ownUnit || u.id === ownUnit)
    .map((u) => ({ value: u.id, label: u.name }));
  const unitName = (id: string) => unitOptions.find((u) => u.value === id)?.label ?? '';
  const previousOptions = (waves.data ?? [])
    .filter((w) => w.status === 'closed' && w.instrumentKey === draft.instrumentKey)
    .map((w) => ({ value: w.id, label: w.name }));

  const setLegs = (legs: Leg[]) => {
    setDraft((d) => ({ ...d, legs }));
  };
  const addLeg = () => {
    const last = draft.legs.at(-1);
    const opensOn = last?.closesOn ? addDays(last.closesOn, 1) : today;
    setLegs([...draft.legs, { key: nextKey, unitId: '', opensOn, closesOn: addDays(opensOn, 14) }]);
    setNextKey((k) => k + 1);
    requestAnimationFrame(() => document.getElementById(fieldIds.unit(draft.legs.length))?.focus());
  };

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found = validateDraft(t, draft, unitName);
    setErrors(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    try {
      const created: Wave = await createWave(toBody(draft));
      await client.invalidateQueries({ queryKey: ['survey-waves'] });
      await navigate({ to: '/teammonitor/$waveId', params: { waveId: created.id } });
    } catch (error) {
      if (error instanceof ApiError && error.problem?.invalidParams?.length) {
        setErrors(
          error.problem.invalidParams.map((p) => ({
            field: fieldOfServerParam(p.name, draft),
            message: t('monitor.create.serverField', { reason: p.reason }),
          })),
        );
      } else if (error instanceof ApiError && error.status === 403) {
        setFailure(t('monitor.create.forbidden'));
      } else {
        setFailure(t('monitor.create.failed'));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const instrumentError = errorOf(fieldIds.instrument);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.monitor'), to: '/teammonitor' },
          { label: t('monitor.create.title') },
        ]}
      />
      <Heading1>{t('monitor.create.title')}</Heading1>
      <Paragraph>{t('monitor.create.intro')}</Paragraph>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form pvi-wave-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id={fieldIds.name}
          label={t('monitor.create.name')}
          required
          value={draft.name}
          onChange={(name) => {
            setDraft((d) => ({ ...d, name }));
          }}
          autoComplete="off"
          description={t('monitor.create.nameHint')}
          error={errorOf(fieldIds.name)}
        />

        <Fieldset
          className="pvi-question"
          invalid={Boolean(instrumentError)}
          aria-describedby={instrumentError ? 'wave-instrument-error' : undefined}
        >
          <FieldsetLegend className="pvi-question__label">
            {t('monitor.create.instrument')}{' '}
            <span className="pvi-muted">({t('form.required')})</span>
          </FieldsetLegend>
          {instrumentError && (
            <p id="wave-instrument-error" className="pvi-field-error">
              {instrumentError}
            </p>
          )}
          {INSTRUMENTS.map((key) => (
            <div className="pvi-choice pvi-choice--described" key={key}>
              <RadioButton
                id={`wave-instrument-${key}`}
                name="wave-instrument"
                value={key}
                checked={draft.instrumentKey === key}
                invalid={Boolean(instrumentError)}
                aria-describedby={`wave-instrument-${key}-description`}
                onChange={() => {
                  setDraft((d) => ({ ...d, instrumentKey: key, previousWaveId: '' }));
                }}
              />
              <span>
                <FormLabel htmlFor={`wave-instrument-${key}`} type="radio">
                  {t(`monitor.instrument.${key}`)}
                </FormLabel>
                <span id={`wave-instrument-${key}-description`} className="pvi-muted pvi-block">
                  {t(`monitor.instrumentDescription.${key}`)}
                </span>
              </span>
            </div>
          ))}
        </Fieldset>

        <Fieldset className="pvi-question">
          <FieldsetLegend className="pvi-question__label">
            {t('monitor.create.relay')} <span className="pvi-muted">({t('form.required')})</span>
          </FieldsetLegend>
          <p className="pvi-muted">
            {ownUnit ? t('monitor.create.relayOwnUnit') : t('monitor.create.relayHint')}
          </p>
          {draft.legs.map((leg, i) => (
            <LegFields
              key={leg.key}
              index={i}
              count={draft.legs.length}
              leg={leg}
              unitOptions={unitOptions}
              unitsLoading={units.isPending}
              unitsFailed={units.isError}
              errorOf={errorOf}
              onChange={(changed) => {
                setLegs(draft.legs.map((l) => (l.key === leg.key ? changed : l)));
              }}
              onMove={(by) => {
                const legs = [...draft.legs];
                const [moved] = legs.splice(i, 1);
                legs.splice(i + by, 0, moved!);
                setLegs(legs);
              }}
              onRemove={() => {
                setLegs(draft.legs.filter((l) => l.key !== leg.key));
              }}
            />
          ))}
          {!ownUnit && (
            <Button type="button" appearance="secondary-action-button" onClick={addLeg}>
              {t('monitor.create.addUnit')}
            </Button>
          )}
        </Fieldset>

        {[...new Set(draft.legs.map((l) => l.unitId).filter(Boolean))].map((unitId) => (
          <DistrictChoice
            key={unitId}
            unitId={unitId}
            unitName={unitName(unitId)}
            chosen={draft.districtsByUnit[unitId] ?? []}
            error={errorOf(fieldIds.districts(unitId))}
            onChange={(ids) => {
              setDraft((d) => ({ ...d, districtsByUnit: { ...d.districtsByUnit, [unitId]: ids } }));
            }}
          />
        ))}

        <SelectField
          id={fieldIds.previous}
          label={t('monitor.create.previous')}
          required={false}
          value={draft.previousWaveId}
          onChange={(previousWaveId) => {
            setDraft((d) => ({ ...d, previousWaveId }));
          }}
          empty={t('monitor.create.noPrevious')}
          description={t('monitor.create.previousHint')}
          options={previousOptions}
          error={errorOf(fieldIds.previous)}
        />

        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('monitor.create.submit')}
          </Button>
        </div>
      </form>
      <InstallationRules />
    </>
  );
}
