import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface GroupProps {
  name: string;
  legend: string;
  required: boolean;
  error?: string | undefined;
  description?: string | undefined;
  /** Narrow choices sit two or three to a row; long ones one to a row. */
  wide?: boolean;
}

function Group(props: GroupProps & { children: React.ReactNode }) {
  const { t } = useTranslation();
  const errorId = `ctl-${props.name}-error`;
  const descriptionId = `ctl-${props.name}-description`;
  const describedBy = [props.description ? descriptionId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Fieldset
      invalid={Boolean(props.error)}
      aria-describedby={describedBy || undefined}
      className="pvi-fieldset pvi-choice-group"
    >
      <FieldsetLegend>
        {props.legend}{' '}
        <span className="pvi-muted">
          ({props.required ? t('form.required') : t('form.optional')})
        </span>
      </FieldsetLegend>
      {props.description && (
        <p id={descriptionId} className="pvi-muted">
          {props.description}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="pvi-field-error">
          {props.error}
        </p>
      )}
      <div className={props.wide ? 'pvi-choices pvi-choices--wide' : 'pvi-choices'}>
        {props.children}
      </div>
    </Fieldset>
  );
}

/** One of a few answers, as big radio buttons (a whole box is the touch target). */
export function RadioGroup<T extends string>(
  props: GroupProps & {
    options: Choice<T>[];
    value: T | '';
    onChange: (value: T) => void;
    /** The id suffix of the choice whose value is '' (e.g. "none"). */
    emptyId?: string;
  },
) {
  return (
    <Group {...props}>
      {props.options.map((o) => {
        const id = `ctl-${props.name}-${o.value || (props.emptyId ?? 'none')}`;
        return (
          <div key={o.value} className="pvi-choice">
            <RadioButton
              id={id}
              name={`ctl-${props.name}`}
              value={o.value}
              checked={props.value === o.value}
              invalid={Boolean(props.error)}
              onChange={() => {
                props.onChange(o.value);
              }}
            />
            <FormLabel htmlFor={id} type="radio" className="pvi-choice__label">
              {o.label}
            </FormLabel>
          </div>
        );
      })}
    </Group>
  );
}

/** Any of a few answers, as big checkboxes. */
export function CheckboxGroup<T extends string>(
  props: GroupProps & { options: Choice<T>[]; value: T[]; onChange: (value: T[]) => void },
) {
  return (
    <Group {...props}>
      {props.options.map((o) => {
        const id = `ctl-${props.name}-${o.value}`;
        const checked = props.value.includes(o.value);
        return (
          <div key={o.value} className="pvi-choice">
            <Checkbox
              id={id}
              name={`ctl-${props.name}`}
              value={o.value}
              checked={checked}
              invalid={Boolean(props.error)}
              onChange={() => {
                props.onChange(
                  checked ? props.value.filter((v) => v !== o.value) : [...props.value, o.value],
                );
              }}
            />
            <FormLabel htmlFor={id} type="checkbox" className="pvi-choice__label">
              {o.label}
            </FormLabel>
          </div>
        );
      })}
    </Group>
  );
}
