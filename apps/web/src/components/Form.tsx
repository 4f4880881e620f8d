import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FormField,
  FormLabel,
  Textbox,
  Heading2,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * NL Design System error summary: above the form, lists every error with a link to its field,
 * and takes focus after a failed submit.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // One page may hold several forms (accounts: create account, grant role): ids must differ.
  const titleId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [attempt, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      className="pvi-error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
    >
      <Heading2 id={titleId}>{t('form.errorSummary', { count: errors.length })}</Heading2>
      <UnorderedList>
        {errors.map((e) => (
          <UnorderedListItem key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </div>
  );
}

export interface FieldBase {
  id: string;
  label: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  disabled?: boolean;
}

/**
 * The NL Design System field frame: the label with "(verplicht)"/"(optioneel)", the description
 * and the error beside the field, wired to the control through `aria-describedby`.
 */
export function FieldFrame(
  props: Omit<FieldBase, 'value' | 'onChange'> & {
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

export interface TextFieldProps extends FieldBase {
  type?: 'text' | 'password' | 'search' | 'email';
  autoComplete?: string;
}

/** A text field with "(verplicht)"/"(optioneel)" in its label and its error beside it. */
export function TextField(props: TextFieldProps) {
  return (
    <FieldFrame {...props} type="text">
      {(describedBy) => (
        <Textbox
          id={props.id}
          name={props.id}
          type={props.type ?? 'text'}
          value={props.value}
          invalid={Boolean(props.error)}
          required={props.required}
          disabled={props.disabled}
          autoComplete={props.autoComplete}
          aria-describedby={describedBy}
          onChange={(e) => {
            props.onChange(e.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

/** A required CSV file chooser, framed like every other field (the import pages). */
export function CsvFileField(
  props: Omit<FieldBase, 'value' | 'onChange' | 'required'> & {
    onFile: (file: File | null) => void;
  },
) {
  return (
    <FieldFrame {...props} required type="text">
      {(describedBy) => (
        <input
          id={props.id}
          name={props.id}
          type="file"
          accept=".csv,text/csv"
          className="pvi-file"
          disabled={props.disabled}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            props.onFile(e.target.files?.[0] ?? null);
          }}
        />
      )}
    </FieldFrame>
  );
}
