import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ImportJob, ImportKind, ImportPhase } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { CsvFileField, ErrorSummary, type FieldError } from '../../components/Form.tsx';
import { getImport, startImport } from './api.ts';
import './admin.css';

const POLL_MS = 500;
const MAX_BYTES = 50 * 1024 * 1024;
/** More bad rows than this are counted but not all listed on the page. */
const SHOWN_PROBLEMS = 1000;

/** The kinds this page uploads (control files come with the controls pages). */
type PageKind = Extract<ImportKind, 'org' | 'people'>;

const COLUMNS: Record<PageKind, string[]> = {
  org: ['type', 'code', 'name', 'parent_code', 'kind'],
  people: [
    'employee_number',
    'given_name',
    'family_name',
    'birth_year',
    'employed_since',
    'email',
    'team_code',
    'role',
    'valid_from',
    'valid_to',
  ],
};

/** One bar over the whole import: reading 0–40 %, checking 40–50 %, writing 50–100 %. */
function overall(job: Pick<ImportJob, 'phase' | 'done' | 'total'>): number {
  const part = job.total > 0 ? Math.min(1, job.done / job.total) : 0;
  const by: Record<ImportPhase, number> = {
    reading: 40 * part,
    checking: 45,
    writing: 50 + 50 * part,
    done: 100,
  };
  return Math.round(by[job.phase]);
}

/** Where an upload stands (also used by the controls import page). */
export type ImportState =
  | { step: 'idle' }
  | { step: 'uploading' }
  | { step: 'running'; job: ImportJob | null }
  | { step: 'finished'; job: ImportJob }
  | { step: 'error'; message: string };

/** Upload a CSV of the organisation or of people, follow its progress, read the outcome. */
export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<PageKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const alive = useRef(true);
  // A ref changes between awaits; reading it through a function keeps the checks honest.
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

  /** Polls the job every half second (after the previous answer) until it ends. */
  const follow = async (id: string) => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (!alive.current) return;
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
        if (job.result?.ok) await client.invalidateQueries();
        return;
      }
    }
  };

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!kind) found.push({ field: 'import-kind-org', message: t('imports.kindRequired') });
    if (!file) found.push({ field: 'import-file', message: t('imports.fileRequired') });
    else if (file.size === 0) found.push({ field: 'import-file', message: t('imports.fileEmpty') });
    else if (file.size > MAX_BYTES)
      found.push({ field: 'import-file', message: t('imports.fileTooLarge') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length || !kind || !file) return;
    setState({ step: 'uploading' });
    try {
      const started = await startImport(kind, file);
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
  const kindError = errorOf('import-kind-org');
  const fileError = errorOf('import-file');
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.import') }]} />
      <Heading1>{t('imports.title')}</Heading1>
      <Paragraph>{t('imports.intro')}</Paragraph>
      <Paragraph>
        <Link to="/controles/importeren">{t('controls.nav.import')}</Link>
      </Paragraph>

      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <Fieldset
          invalid={Boolean(kindError)}
          aria-describedby={kindError ? 'import-kind-error' : undefined}
          className="pvi-fieldset"
        >
          <FieldsetLegend>
            {t('imports.kind')} <span className="pvi-muted">({t('form.required')})</span>
          </FieldsetLegend>
          {kindError && (
            <p id="import-kind-error" className="pvi-field-error">
              {kindError}
            </p>
          )}
          {(['org', 'people'] as const).map((k) => (
            <div className="pvi-radio" key={k}>
              <RadioButton
                id={`import-kind-${k}`}
                name="import-kind"
                value={k}
                checked={kind === k}
                invalid={Boolean(kindError)}
                disabled={busy}
                onChange={() => {
                  setKind(k);
                }}
              />
              <FormLabel htmlFor={`import-kind-${k}`} type="radio">
                {t(`imports.kinds.${k}`)}
              </FormLabel>
            </div>
          ))}
        </Fieldset>
        <CsvFileField
          id="import-file"
          label={t('imports.file')}
          description={t('imports.fileHint')}
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
        <section aria-labelledby="import-result-title" className="pvi-admin-section">
          <Heading2 id="import-result-title" ref={resultRef} tabIndex={-1}>
            {t('imports.resultTitle')}
          </Heading2>
          <Alert type="error">
            <Paragraph>{state.message}</Paragraph>
          </Alert>
        </section>
      )}

      <Formats />
    </>
  );
}

export function Progress({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  if (state.step !== 'uploading' && state.step !== 'running') return null;
  const job = state.step === 'running' ? state.job : null;
  const percent = job ? overall(job) : 0;
  const phase =
    state.step === 'uploading'
      ? t('imports.phase.uploading')
      : t(`imports.phase.${job?.phase ?? 'reading'}`);
  return (
    <section aria-labelledby="import-progress-title" className="pvi-admin-section">
      <Heading2 id="import-progress-title">{t('imports.progressTitle')}</Heading2>
      <label id="import-progress-label" htmlFor="import-progress">
        {t('imports.progress')}
      </label>
      <progress id="import-progress" className="pvi-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <p aria-hidden="true">{t('imports.progressText', { phase, percent })}</p>
      {/* For screen readers: announced politely, in steps of ten per cent, not every poll. */}
      <p className="pvi-visually-hidden" role="status" aria-live="polite">
        {t('imports.progressText', { phase, percent: Math.floor(percent / 10) * 10 })}
      </p>
    </section>
  );
}

function Outcome({
  job,
  headingRef,
}: {
  job: ImportJob;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const r = job.result;
  const heading = (
    <Heading2 id="import-result-title" ref={headingRef} tabIndex={-1}>
      {t('imports.resultTitle')}
    </Heading2>
  );
  if (job.status === 'failed' || !r)
    return (
      <section aria-labelledby="import-result-title" className="pvi-admin-section">
        {heading}
        <Alert type="error">
          <Paragraph>{t('imports.failed')}</Paragraph>
        </Alert>
      </section>
    );
  if (r.ok)
    return (
      <section aria-labelledby="import-result-title" className="pvi-admin-section">
        {heading}
        <Alert type="ok">
          <Paragraph>{t(`imports.done.${job.kind}`)}</Paragraph>
        </Alert>
        <dl className="pvi-facts">
          <dt>{t('imports.count.rows')}</dt>
          <dd>{formatNumber(r.rows)}</dd>
          <dt>{t('imports.count.inserted')}</dt>
          <dd>{formatNumber(r.inserted)}</dd>
          <dt>{t('imports.count.updated')}</dt>
          <dd>{formatNumber(r.updated)}</dd>
          <dt>{t('imports.count.unchanged')}</dt>
          <dd>{formatNumber(r.unchanged)}</dd>
        </dl>
        {job.kind === 'people' && (
          <Paragraph className="pvi-muted">{t('imports.countsHint')}</Paragraph>
        )}
      </section>
    );
  const shown = r.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <section aria-labelledby="import-result-title" className="pvi-admin-section">
      {heading}
      <Alert type="error">
        <Paragraph>
          {t('imports.problems', {
            count: r.problems.length,
            formatted: formatNumber(r.problems.length),
          })}
        </Paragraph>
      </Alert>
      {shown.length < r.problems.length && (
        <Paragraph>
          {t('imports.problemsShown', {
            shown: formatNumber(shown.length),
            total: formatNumber(r.problems.length),
          })}
        </Paragraph>
      )}
      <div
        className="pvi-table-wrap"
        role="region"
        aria-label={t('imports.problemsCaption')}
        tabIndex={0}
      >
        <Table>
          <caption className="pvi-visually-hidden">{t('imports.problemsCaption')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('imports.line')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('imports.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((p, i) => (
              <TableRow key={`${p.line}-${i}`}>
                <TableCell>{formatNumber(p.line)}</TableCell>
                <TableCell lang="en">{p.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

/** The two file formats, column by column (the README has the same, with examples). */
function Formats() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-formats-title" className="pvi-admin-section">
      <Heading2 id="import-formats-title">{t('imports.formats.title')}</Heading2>
      <Paragraph>{t('imports.formats.intro')}</Paragraph>
      {(['org', 'people'] as const).map((k) => (
        <div key={k} className="pvi-format">
          <p className="pvi-format__title">
            <strong>{t(`imports.formats.${k}.title`)}</strong>
          </p>
          <p>
            <code className="pvi-code">{COLUMNS[k].join(',')}</code>
          </p>
          <dl className="pvi-facts pvi-facts--wide">
            {COLUMNS[k].map((c) => (
              <div key={c} className="pvi-facts__row">
                <dt>
                  <code>{c}</code>
                </dt>
                <dd>{t(`imports.formats.${k}.${c}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <Paragraph>{t('imports.formats.rules')}</Paragraph>
      <Paragraph>{t('imports.formats.readme')}</Paragraph>
    </section>
  );
}
