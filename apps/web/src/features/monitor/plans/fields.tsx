import { Textarea } from '@utrecht/component-library-react';
import { FieldFrame, type FieldBase } from '../../../components/Form.tsx';

/** A multi-line text in the form pattern: label with "(verplicht)"/"(optioneel)", error beside it. */
export function TextAreaField(props: FieldBase & { maxLength?: number; rows?: number }) {
  return (
    <FieldFrame {...props} type="text">
      {(describedBy) => (
        <Textarea
          id={props.id}
          name={props.id}
          className="pvi-textarea"
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          value={props.value}
          invalid={Boolean(props.error)}
          required={props.required}
          aria-describedby={describedBy}
          onChange={(e) => {
            props.onChange(e.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}
