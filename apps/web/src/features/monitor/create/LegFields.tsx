import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { DateField, SelectField, type Option } from '../../admin/Fields.tsx';
import { fieldIds, type Leg } from './draft.ts';

/** One step of the relay: which unit, from when to when; move it up or down, or remove it. */
export function LegFields(props: {
  index: number;
  count: number;
  leg: Leg;
  unitOptions: Option[];
  unitsLoading: boolean;
  unitsFailed: boolean;
  errorOf: (field: string) => string | undefined;
  onChange: (leg: Leg) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { index: i, leg } = props;
  const step = i + 1;
  const set = (key: 'unitId' | 'opensOn' | 'closesOn') => (value: string) => {
    props.onChange({ ...leg, [key]: value });
  };
  return (
    <Fieldset className="pvi-leg">
      <FieldsetLegend className="pvi-leg__title">
        {t('monitor.create.step', { step, count: props.count })}
      </FieldsetLegend>
      <div className="pvi-leg__fields">
        <SelectField
          id={fieldIds.unit(i)}
          label={t('monitor.create.unit')}
          required
          value={leg.unitId}
          onChange={set('unitId')}
          empty={props.unitsLoading ? t('state.loading') : t('grant.choose')}
          busy={props.unitsLoading}
          options={props.unitOptions}
          error={
            props.errorOf(fieldIds.unit(i)) ?? (props.unitsFailed ? t('state.error') : undefined)
          }
        />
        <DateField
          id={fieldIds.opensOn(i)}
          label={t('monitor.create.opensOn')}
          required
          value={leg.opensOn}
          onChange={set('opensOn')}
          error={props.errorOf(fieldIds.opensOn(i))}
        />
        <DateField
          id={fieldIds.closesOn(i)}
          label={t('monitor.create.closesOn')}
          required
          value={leg.closesOn}
          onChange={set('closesOn')}
          description={t('monitor.create.closesOnHint')}
          error={props.errorOf(fieldIds.closesOn(i))}
        />
      </div>
      {props.count > 1 && (
        <div className="pvi-leg__actions">
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={i === 0}
            aria-label={t('monitor.create.moveUp', { step })}
            onClick={() => {
              props.onMove(-1);
            }}
          >
            {t('monitor.create.up')}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={i === props.count - 1}
            aria-label={t('monitor.create.moveDown', { step })}
            onClick={() => {
              props.onMove(1);
            }}
          >
            {t('monitor.create.down')}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-label={t('monitor.create.removeStep', { step })}
            onClick={props.onRemove}
          >
            {t('monitor.create.remove')}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}
