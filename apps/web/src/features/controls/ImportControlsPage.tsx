import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import type { ControlImportFormat, ImportJob } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { CsvFileField, ErrorSummary, TextField, type FieldError } from '../../components/Form.tsx';
import { getImport } from '../admin/api.ts';
import { Progress, type ImportState } from '../admin/ImportPage.tsx';
import { DataTable } from './AnalysisTables.tsx';
import { startControlsImport } from './api.ts';
import { IMPORT_FORMATS } from './labels.ts';
import './controls.css';

const POLL_MS = 500;
const MAX_BYTES = 50 * 1024 * 1024;
const SOURCE_AREA = /^[\p{L}\p{N} ._'-]{1,100}$/u;

/**
 * Control data from a file: our own export, police.uk stop and search, or the Stanford Open
 * Policing Project. Good rows load while bad ones are reported with their line and reason.
 */
export function ImportControlsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [format, setFormat] = useState<ControlImportFormat | ''>('');
  const [sourceArea, setSourceArea] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const alive = useRef(true);
  const isAlive = () => alive.current;
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    if (state.step === 'finished' || state.step === 'error') resultRef.current?.focus();
  }, [state.step]);

  const follow = async (id: string) => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (!isAlive()) return;
      let job: ImportJob;
      try {
        job = await getImport(id);
      } catch {
        if (isAlive()) setState({ step: 'error', message: t('imports.pollFailed') });
        return;
      }
      if (!isAlive()) return;
      if (job.status === 'running') setState({ step: 'running', job });
      else {
        setState({ step: 'finished', job });
        await client.invalidateQueries({ queryKey: ['controls'] });
        return;
      }
    }
  };

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!format)
      found.push({ field: 'ctl-format-pvi', message: t('controls.import.formatRequired') });
    if (sourceArea.trim() && !SOURCE_AREA.test(sourceArea.trim()))
      found.push({ field: 'ctl-source-area', message: t('controls.import.sourceAreaInvalid') });
    if (!file) found.push({ field: 'ctl-file', message: t('imports.fileRequired') });
    else if (file.size === 0) found.push({ field: 'ctl-file', message: t('imports.fileEmpty') });
    else if (file.size > MAX_BYTES)
      found.push({ field: 'ctl-file', message: t('imports.fileTooLarge') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length || !format || !file) return;
    setState({ step: 'uploading' });
    try {
      const started = await startControlsImport(format, sourceArea, file);
      setState({ step: 'running', job: null });
      await follow(started.id);
    } catch (error) {
      setState({
        step: 'error',
        message:
          error instanceof ApiError && error.status === 403
            ? t('state.forbidden')
            : error instanceof ApiError && error.status === 400
              ? t('imports.rejected')
              : t('imports.uploadFailed'),
      });
    }
  };

  const busy = state.step === 'uploading' || state.step === 'running';
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const formatError = errorOf('ctl-format-pvi');
  const fileError = errorOf('ctl-file');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.import'), to: '/beheer/import' },
          { label: t('controls.import.title') },
        ]}
      />
      <Heading1>{t('controls.import.title')}</Heading1>
      <Paragraph>{t('controls.import.intro')}</Paragraph>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <Fieldset
          invalid={Boolean(formatError)}
          aria-describedby={formatError ? 'ctl-format-error' : undefined}
          className="pvi-fieldset"
        >
          <FieldsetLegend>
            {t('controls.import.format')} <span className="pvi-muted">({t('form.required')})</span>
          </FieldsetLegend>
          {formatError && (
            <p id="ctl-format-error" className="pvi-field-error">
              {formatError}
            </p>
          )}
          {IMPORT_FORMATS.map((f) => (
            <div className="pvi-radio" key={f}>
              <RadioButton
                id={`ctl-format-${f}`}
                name="ctl-format"
                value={f}
                checked={format === f}
                invalid={Boolean(formatError)}
                disabled={busy}
                onChange={() => {
                  setFormat(f);
                }}
              />
              <FormLabel htmlFor={`ctl-format-${f}`} type="radio">
                {t(`controls.import.formats.${f}`)}
              </FormLabel>
            </div>
          ))}
        </Fieldset>
        <TextField
          id="ctl-source-area"
          label={t('controls.import.sourceArea')}
          description={t('controls.import.sourceAreaHint')}
          required={false}
          value={sourceArea}
          error={errorOf('ctl-source-area')}
          disabled={busy}
          onChange={setSourceArea}
        />
        <CsvFileField
          id="ctl-file"
          label={t('imports.file')}
          description={t('controls.import.fileHint')}
          error={fileError}
          disabled={busy}
          onFile={setFile}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('imports.submit')}
          </Button>
        </div>
      </form>
      <Progress state={state} />
      {state.step === 'finished' && <Outcome job={state.job} headingRef={resultRef} />}
      {state.step === 'error' && (
        <section aria-labelledby="ctl-import-result" className="pvi-figures-section">
          <Heading2 id="ctl-import-result" ref={resultRef} tabIndex={-1}>
            {t('imports.resultTitle')}
          </Heading2>
          <Alert type="error">
            <Paragraph>{state.message}</Paragraph>
          </Alert>
        </section>
      )}
    </>
  );
}

function Outcome(props: {
  job: ImportJob;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const r = props.job.result;
  const rejected = r?.rejected ?? r?.problems.length ?? 0;
  return (
    <section aria-labelledby="ctl-import-result" className="pvi-figures-section">
      <Heading2 id="ctl-import-result" ref={props.headingRef} tabIndex={-1}>
        {t('imports.resultTitle')}
      </Heading2>
      {props.job.status === 'failed' || !r ? (
        <Alert type="error">
          <Paragraph>{t('controls.import.failed')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Alert type={rejected > 0 ? 'warning' : 'ok'}>
            <Paragraph>
              {r.alreadyImported
                ? t('controls.import.already')
                : rejected > 0
                  ? t('controls.import.doneWithProblems', {
                      count: rejected,
                      formatted: formatNumber(rejected),
                    })
                  : t('controls.import.done')}
            </Paragraph>
          </Alert>
          <dl className="pvi-facts">
            <dt>{t('imports.count.rows')}</dt>
            <dd>{formatNumber(r.rows)}</dd>
            <dt>{t('imports.count.inserted')}</dt>
            <dd>{formatNumber(r.inserted)}</dd>
            <dt>{t('imports.count.unchanged')}</dt>
            <dd>{formatNumber(r.unchanged)}</dd>
            <dt>{t('controls.import.rejected')}</dt>
            <dd>{formatNumber(rejected)}</dd>
          </dl>
          {r.problems.length > 0 && (
            <>
              {r.problems.length < rejected && (
                <Paragraph>
                  {t('imports.problemsShown', {
                    shown: formatNumber(r.problems.length),
                    total: formatNumber(rejected),
                  })}
                </Paragraph>
              )}
              <DataTable
                caption={t('imports.problemsCaption')}
                headers={[t('imports.line'), t('imports.reason')]}
                rows={r.problems.map((p, i) => ({
                  key: `${p.line}-${i}`,
                  cells: [
                    formatNumber(p.line),
                    <span key="r" lang="en">
                      {p.reason}
                    </span>,
                  ],
                }))}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
