import { useTranslation } from 'react-i18next';
import { Button, Textbox } from '@utrecht/component-library-react';
import { FieldFrame, TextField } from '../../components/Form.tsx';
import { SelectField } from '../admin/Fields.tsx';
import { CheckboxGroup, RadioGroup, type Choice } from './ChoiceFields.tsx';
import type { Draft, FieldKey, YesNo } from './draft.ts';
import {
  ACTIONS,
  CONTROL_TYPES,
  DURATION_BANDS,
  INITIATIVES,
  LEGAL_BASES,
  OUTCOMES,
  SELECTION_REASONS,
  SUBJECT_KINDS,
} from './labels.ts';
import { PlaceField } from './PlaceField.tsx';

/**
 * The registration form, phone first: the answers in the order an officer thinks of them, each
 * a row of big choices; only what a choice makes necessary appears (why not explained, the key).
 */
export function RegistrationForm(props: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  errorOf: (field: FieldKey) => string | undefined;
  onSubmit: () => void;
  busy: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const { draft, errorOf } = props;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    props.onChange({ ...draft, [key]: value });
  };
  const choices = <T extends string>(field: string, values: readonly T[]): Choice<T>[] =>
    values.map((value) => ({ value, label: t(`controls.value.${field}.${value as string}`) }));
  const yesNo: Choice<YesNo>[] = [
    { value: 'yes', label: t('controls.yes') },
    { value: 'no', label: t('controls.no') },
  ];
  return (
    <form
      id="ctl-form"
      className="pvi-form pvi-register-form"
      noValidate
      aria-label={t('controls.register.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <PlaceField
        place={draft.place}
        error={errorOf('place')}
        onChange={(place) => {
          set('place', place);
        }}
      />
      <RadioGroup
        name="controlType"
        legend={t('controls.field.controlType')}
        required
        options={choices('controlType', CONTROL_TYPES)}
        value={draft.controlType}
        error={errorOf('controlType')}
        onChange={(v) => {
          set('controlType', v);
        }}
      />
      <RadioGroup
        name="selectionReason"
        legend={t('controls.field.selectionReason')}
        required
        wide
        options={choices('selectionReason', SELECTION_REASONS)}
        value={draft.selectionReason}
        error={errorOf('selectionReason')}
        onChange={(v) => {
          set('selectionReason', v);
        }}
      />
      <TextField
        id="ctl-reasonText"
        label={t('controls.field.reasonText')}
        description={t('controls.hint.noIdentifiers')}
        required={draft.selectionReason === 'other'}
        value={draft.reasonText}
        error={errorOf('reasonText')}
        onChange={(v) => {
          set('reasonText', v);
        }}
      />
      <SelectField
        id="ctl-legalBasis"
        label={t('controls.field.legalBasis')}
        required={false}
        value={draft.legalBasis}
        empty={t('controls.place.choose')}
        options={choices('legalBasis', LEGAL_BASES)}
        error={errorOf('legalBasis')}
        onChange={(v) => {
          set('legalBasis', v as Draft['legalBasis']);
        }}
      />
      <RadioGroup
        name="initiative"
        legend={t('controls.field.initiative')}
        required
        options={choices('initiative', INITIATIVES)}
        value={draft.initiative}
        error={errorOf('initiative')}
        onChange={(v) => {
          set('initiative', v);
        }}
      />
      <RadioGroup
        name="explained"
        legend={t('controls.field.explained')}
        required
        options={yesNo}
        value={draft.explained}
        error={errorOf('explained')}
        onChange={(v) => {
          props.onChange({
            ...draft,
            explained: v,
            notExplainedWhy: v === 'yes' ? '' : draft.notExplainedWhy,
          });
        }}
      />
      {draft.explained === 'no' && (
        <TextField
          id="ctl-notExplainedWhy"
          label={t('controls.field.notExplainedWhy')}
          description={t('controls.hint.noIdentifiers')}
          required
          value={draft.notExplainedWhy}
          error={errorOf('notExplainedWhy')}
          onChange={(v) => {
            set('notExplainedWhy', v);
          }}
        />
      )}
      <CheckboxGroup
        name="actions"
        legend={t('controls.field.actions')}
        required={false}
        wide
        options={choices('action', ACTIONS)}
        value={draft.actions}
        error={errorOf('actions')}
        onChange={(v) => {
          set('actions', v);
        }}
      />
      <RadioGroup
        name="outcome"
        legend={t('controls.field.outcome')}
        required
        options={choices('outcome', OUTCOMES)}
        value={draft.outcome}
        error={errorOf('outcome')}
        onChange={(v) => {
          props.onChange({
            ...draft,
            outcome: v,
            outcomeLinked: v === 'none' ? 'no' : draft.outcomeLinked,
          });
        }}
      />
      <RadioGroup
        name="outcomeLinked"
        legend={t('controls.field.outcomeLinked')}
        description={t('controls.hint.outcomeLinked')}
        required
        options={yesNo}
        value={draft.outcomeLinked}
        error={errorOf('outcomeLinked')}
        onChange={(v) => {
          set('outcomeLinked', v);
        }}
      />
      <RadioGroup
        name="durationBand"
        legend={t('controls.field.durationBand')}
        required
        options={choices('durationBand', DURATION_BANDS)}
        value={draft.durationBand}
        error={errorOf('durationBand')}
        onChange={(v) => {
          set('durationBand', v);
        }}
      />
      <FieldFrame
        id="ctl-occurredAt"
        type="text"
        label={t('controls.field.occurredAt')}
        description={t('controls.hint.occurredAt')}
        required={false}
        error={errorOf('occurredAt')}
      >
        {(describedBy) => (
          <Textbox
            id="ctl-occurredAt"
            name="ctl-occurredAt"
            type="datetime-local"
            value={draft.occurredAt}
            invalid={Boolean(errorOf('occurredAt'))}
            aria-describedby={describedBy}
            onChange={(e) => {
              set('occurredAt', e.target.value);
            }}
          />
        )}
      </FieldFrame>
      <RadioGroup
        name="subjectKind"
        legend={t('controls.field.subjectKind')}
        description={t('controls.hint.subjectKind')}
        required={false}
        options={[
          { value: '', label: t('controls.value.subjectKind.none') },
          ...choices('subjectKind', SUBJECT_KINDS),
        ]}
        value={draft.subjectKind}
        error={errorOf('subjectKind')}
        onChange={(v) => {
          props.onChange({ ...draft, subjectKind: v, subjectKey: v ? draft.subjectKey : '' });
        }}
      />
      {draft.subjectKind && (
        <TextField
          id="ctl-subjectKey"
          label={t('controls.field.subjectKey')}
          description={t('controls.hint.subjectKey')}
          required
          autoComplete="off"
          value={draft.subjectKey}
          error={errorOf('subjectKey')}
          onChange={(v) => {
            set('subjectKey', v);
          }}
        />
      )}
      <div>
        <Button
          type="submit"
          appearance="primary-action-button"
          className="pvi-submit"
          disabled={props.busy}
        >
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
