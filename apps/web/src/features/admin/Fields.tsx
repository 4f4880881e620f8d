import { FieldFrame, type FieldBase } from '../../components/Form.tsx';
import { Select, SelectOption, Textbox } from '@utrecht/component-library-react';

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
          onChange={(e) => {
            props.onChange(e.target.value);
          }}
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
          onChange={(e) => {
            props.onChange(e.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}
