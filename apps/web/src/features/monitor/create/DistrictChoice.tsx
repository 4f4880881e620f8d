import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Checkbox, Fieldset, FieldsetLegend, FormLabel } from '@utrecht/component-library-react';
import { Loading } from '../../../components/States.tsx';
import { districtsQuery } from '../../org/api.ts';
import { fieldIds } from './draft.ts';

/** Optionally narrow a unit to some of its districts; none chosen means all of its teams. */
export function DistrictChoice(props: {
  unitId: string;
  unitName: string;
  chosen: string[];
  error: string | undefined;
  onChange: (districtIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const districts = useQuery(districtsQuery(props.unitId));
  const errorId = `${fieldIds.districts(props.unitId)}-error`;
  const items = districts.data?.items ?? [];
  return (
    <Fieldset
      className="pvi-question"
      invalid={Boolean(props.error)}
      aria-describedby={props.error ? errorId : undefined}
    >
      <FieldsetLegend className="pvi-question__label">
        {t('monitor.create.districts', { unit: props.unitName })}{' '}
        <span className="pvi-muted">({t('form.optional')})</span>
      </FieldsetLegend>
      <p className="pvi-muted">{t('monitor.create.districtsHint')}</p>
      {props.error && (
        <p id={errorId} className="pvi-field-error">
          {props.error}
        </p>
      )}
      {districts.isPending ? (
        <Loading />
      ) : districts.isError ? (
        <p className="pvi-field-error">{t('state.error')}</p>
      ) : items.length === 0 ? (
        <p className="pvi-muted">{t('org.noDistricts')}</p>
      ) : (
        items.map((d, i) => {
          // The first box carries the id the error summary links to.
          const id = i === 0 ? fieldIds.districts(props.unitId) : `wave-district-${d.id}`;
          const checked = props.chosen.includes(d.id);
          return (
            <div className="pvi-choice" key={d.id}>
              <Checkbox
                id={id}
                name={`wave-districts-${props.unitId}`}
                value={d.id}
                checked={checked}
                invalid={Boolean(props.error)}
                onChange={() => {
                  props.onChange(
                    checked ? props.chosen.filter((x) => x !== d.id) : [...props.chosen, d.id],
                  );
                }}
              />
              <FormLabel htmlFor={id} type="checkbox">
                {d.name}
              </FormLabel>
            </div>
          );
        })
      )}
    </Fieldset>
  );
}
