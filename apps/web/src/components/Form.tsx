import { useEffect, useRef } from 'react';
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
      aria-labelledby="error-summary-title"
    >
      <Heading2 id="error-summary-title">
        {t('form.errorSummary', { count: errors.length })}
      </Heading2>
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

export interface TextFieldProps {
  id: string;
  label: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'password' | 'search' | 'email';
  autoComplete?: string;
  description?: string;
}

/** A text field with "(verplicht)"/"(optioneel)" in its label and its error beside it. */
export function TextField(props: TextFieldProps) {
  const { t } = useTranslation();
  const errorId = `${props.id}-error`;
  const descriptionId = `${props.id}-description`;
  const describedBy = [props.description ? descriptionId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormField invalid={Boolean(props.error)} type="text">
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
      <Textbox
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        invalid={Boolean(props.error)}
        required={props.required}
        autoComplete={props.autoComplete}
        aria-describedby={describedBy || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FormField>
  );
}
