import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { formatNumber } from '../../app/i18n.ts';
import { CsvFileField, ErrorSummary, type FieldError } from '../../components/Form.tsx';
import { DataTable } from './AnalysisTables.tsx';
import { parsePopulation, type PopulationProblem, type PopulationRow } from './population.ts';

/** Residents per group read from the analyst's file, for this analysis only (never stored). */
export interface Population {
  fileName: string;
  rows: PopulationRow[];
}

/**
 * The benchmark table for the disparity section: the analyst chooses a CSV of residents per
 * group; every bad line is listed by number and nothing is used until the file is good. With a
 * good file the analysis is asked again with it (controls per 1,000 residents, the ratio to the
 * reference group with its 95 % interval); "weglaten" goes back to the analysis without it.
 */
export function PopulationForm(props: {
  population: Population | null;
  onChange: (population: Population | null) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problems, setProblems] = useState<{ line: number; problem: PopulationProblem }[]>([]);
  const [attempt, setAttempt] = useState(0);

  const submit = async (e: React.SyntheticEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const refuse = (message: string, found: typeof problems) => {
      setErrors([{ field: 'ctl-population', message }]);
      setProblems(found);
    };
    if (!file) {
      refuse(t('controls.population.fileRequired'), []);
      return;
    }
    const parsed = parsePopulation(await file.text());
    if (!parsed.ok) {
      const count = parsed.problems.length;
      refuse(
        t('controls.population.bad', { count, formatted: formatNumber(count) }),
        parsed.problems,
      );
      return;
    }
    setErrors([]);
    setProblems([]);
    props.onChange({ fileName: file.name, rows: parsed.rows });
  };

  return (
    <section aria-labelledby="ctl-population-title">
      <Heading3 id="ctl-population-title">{t('controls.population.title')}</Heading3>
      <Paragraph>{t('controls.population.intro')}</Paragraph>
      {props.population ? (
        <>
          <Paragraph role="status">
            {t('controls.population.using', {
              file: props.population.fileName,
              count: props.population.rows.length,
              formatted: formatNumber(props.population.rows.length),
            })}
          </Paragraph>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setFile(null);
              props.onChange(null);
            }}
          >
            {t('controls.population.remove')}
          </Button>
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} attempt={attempt} />
          <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
            <CsvFileField
              id="ctl-population"
              label={t('controls.population.file')}
              description={t('controls.population.fileHint')}
              error={errors[0]?.message}
              onFile={setFile}
            />
            <div>
              <Button type="submit" appearance="secondary-action-button">
                {t('controls.population.submit')}
              </Button>
            </div>
          </form>
          {problems.length > 0 && (
            <DataTable
              caption={t('controls.population.problemsCaption')}
              headers={[t('imports.line'), t('imports.reason')]}
              rows={problems.map((p) => ({
                key: `${p.line}`,
                cells: [formatNumber(p.line), t(`controls.population.problem.${p.problem}`)],
              }))}
            />
          )}
        </>
      )}
    </section>
  );
}
