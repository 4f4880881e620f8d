import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import type { InstrumentItem } from '@pvi/contracts';
import type { AnswerValue } from '../api.ts';
import { ANSWER_OPTIONS, pick } from '../labels.ts';

const OPEN_MAX_LENGTH = 4000;

/** The options of a closed item in the order shown. */
function optionsOf(item: InstrumentItem): { value: number; label: { nl: string; en: string } }[] {
  switch (item.answerScale) {
    case 'agree5':
    case 'frequency5':
    case 'yesno':
      return [...ANSWER_OPTIONS[item.answerScale]];
    case 'choice':
    case 'multi':
      return item.options ?? [];
    case 'open':
      return [];
  }
}

/** The id of the control an error summary links to: the first option, or the text box. */
export const fieldIdOf = (item: InstrumentItem) =>
  item.answerScale === 'open' ? `q-${item.key}` : `q-${item.key}-0`;

/**
 * One question: radio buttons in a fieldset for one answer, checkboxes for several, a text box
 * for an open question. Every question is optional; a chosen radio answer can be taken back.
 */
export function ItemField(props: {
  item: InstrumentItem;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { item, value, error } = props;
  const text = pick(item.text);
  const errorId = `q-${item.key}-error`;
  const legendId = `q-${item.key}-legend`;

  if (item.answerScale === 'open') {
    const id = fieldIdOf(item);
    return (
      <FormField invalid={Boolean(error)} type="text" className="pvi-question">
        <FormLabel htmlFor={id} className="pvi-question__label">
          {text}
        </FormLabel>
        {error && (
          <p id={errorId} className="pvi-field-error">
            {error}
          </p>
        )}
        <Textarea
          id={id}
          name={id}
          className="pvi-textarea"
          rows={4}
          maxLength={OPEN_MAX_LENGTH}
          invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => {
            props.onChange(e.target.value === '' ? undefined : e.target.value);
          }}
        />
      </FormField>
    );
  }

  const options = optionsOf(item);
  const multi = item.answerScale === 'multi';
  const chosen = Array.isArray(value) ? value : typeof value === 'number' ? [value] : [];
  return (
    <Fieldset
      className="pvi-question"
      invalid={Boolean(error)}
      aria-describedby={error ? errorId : undefined}
    >
      <FieldsetLegend id={legendId} className="pvi-question__label">
        {text}
      </FieldsetLegend>
      {error && (
        <p id={errorId} className="pvi-field-error">
          {error}
        </p>
      )}
      {options.map((o, i) => {
        const id = `q-${item.key}-${i}`;
        const checked = chosen.includes(o.value);
        return (
          <div className="pvi-choice" key={o.value}>
            {multi ? (
              <Checkbox
                id={id}
                name={`q-${item.key}`}
                value={o.value}
                checked={checked}
                invalid={Boolean(error)}
                onChange={() => {
                  const next = checked
                    ? chosen.filter((v) => v !== o.value)
                    : [...chosen, o.value].sort((a, b) => a - b);
                  props.onChange(next.length ? next : undefined);
                }}
              />
            ) : (
              <RadioButton
                id={id}
                name={`q-${item.key}`}
                value={o.value}
                checked={checked}
                invalid={Boolean(error)}
                onChange={() => {
                  props.onChange(o.value);
                }}
              />
            )}
            <FormLabel htmlFor={id} type={multi ? 'checkbox' : 'radio'}>
              {pick(o.label)}
            </FormLabel>
          </div>
        );
      })}
      {!multi && chosen.length > 0 && (
        <button
          type="button"
          className="pvi-link-button"
          aria-describedby={legendId}
          onClick={() => {
            props.onChange(undefined);
            // The radio that was chosen is gone from the tab order's memory; stay in the question.
            document.getElementById(`q-${item.key}-0`)?.focus();
          }}
        >
          {t('questionnaire.clear')}
        </button>
      )}
    </Fieldset>
  );
}
