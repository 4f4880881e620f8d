import { useTranslation } from 'react-i18next';
import {
  FormField,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';

interface FieldBase {
  id: string;
  label: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  disabled?: boolean;
}

/** The label with "(verplicht)"/"(optioneel)", the description and the error, as TextField does. */
function FieldFrame(
  props: FieldBase & {
    type: string;
    children: (describedBy: string | undefined) => React.ReactNode;
  },
) {
  const { t } = useTranslation();
  const errorId = `${props.id}-error`;
  const descriptionId = `${props.id}-description`;
  const describedBy = [props.description ? descriptionId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormField invalid={Boolean(props.error)} type={props.type}>
      <FormLabel htmlFor={props.id}>
        {props.label}{' '}
        <span className="pvi-muted">
          ({props.required ? t('form.required') : t('form.optional')})
        </span>
      </FormLabel>
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
      {props.children(describedBy || undefined)}
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A select in the form pattern; `empty` is the label of the first, empty choice. */
export function SelectField(
  props: FieldBase & { options: Option[]; empty?: string | undefined; busy?: boolean },
) {
  return (
    <FieldFrame {...props} type="select">
      {(describedBy) => (
        <Select
          id={props.id}
          name={props.id}
          value={props.value}
          invalid={Boolean(props.error)}
          required={props.required}
          disabled={props.disabled}
          busy={props.busy}
          aria-busy={props.busy || undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.empty !== undefined && <SelectOption value="">{props.empty}</SelectOption>}
          {props.options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </FieldFrame>
  );
}

/** A date in the form pattern (the browser's own date picker; the value is YYYY-MM-DD). */
export function DateField(props: FieldBase) {
  return (
    <FieldFrame {...props} type="text">
      {(describedBy) => (
        <Textbox
          id={props.id}
          name={props.id}
          type="date"
          value={props.value}
          invalid={Boolean(props.error)}
          required={props.required}
          disabled={props.disabled}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
