import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { HrImportResult } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { CsvFileField, ErrorSummary, type FieldError } from '../../components/Form.tsx';
import {
  HR_COLUMNS,
  HR_MAX_BYTES,
  hrIssuesOf,
  importHrIndicators,
  type HrFileIssue,
} from './api.ts';
import '../admin/admin.css';
import './analytics.css';

type Outcome =
  | { kind: 'done'; result: HrImportResult }
  | { kind: 'rejected'; issues: HrFileIssue[] }
  | { kind: 'error'; message: string };

/** HR analysts upload monthly indicators per team; every bad row is listed by line and column. */
export function HrImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!file) found.push({ field: 'hr-file', message: t('analytics.import.fileRequired') });
    else if (file.size === 0)
      found.push({ field: 'hr-file', message: t('analytics.import.fileEmpty') });
    else if (file.size > HR_MAX_BYTES)
      found.push({ field: 'hr-file', message: t('analytics.import.fileTooLarge') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length || !file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importHrIndicators(file);
      setOutcome({ kind: 'done', result });
      await client.invalidateQueries({ queryKey: ['attention'] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.invalidParams)
        setOutcome({ kind: 'rejected', issues: hrIssuesOf(error.problem.invalidParams) });
      else
        setOutcome({
          kind: 'error',
          message:
            error instanceof ApiError && error.status === 403
              ? t('state.forbidden')
              : t('analytics.import.failed'),
        });
    } finally {
      setBusy(false);
    }
  };

  const fileError = errors.find((e) => e.field === 'hr-file')?.message;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.monitor'), to: '/teammonitor' },
          { label: t('analytics.import.title') },
        ]}
      />
      <Heading1>{t('analytics.import.title')}</Heading1>
      <Paragraph>{t('analytics.import.intro')}</Paragraph>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <CsvFileField
          id="hr-file"
          label={t('analytics.import.file')}
          description={t('analytics.import.fileHint')}
          error={fileError}
          disabled={busy}
          onFile={setFile}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('analytics.import.submit')}
          </Button>
        </div>
      </form>
      {busy && (
        <Paragraph role="status" aria-live="polite">
          {t('analytics.import.busy')}
        </Paragraph>
      )}
      {outcome && (
        <section aria-labelledby="hr-result-title" className="pvi-admin-section">
          <Heading2 id="hr-result-title" ref={resultRef} tabIndex={-1}>
            {t('analytics.import.resultTitle')}
          </Heading2>
          {outcome.kind === 'done' && <Done result={outcome.result} />}
          {outcome.kind === 'rejected' && <Issues issues={outcome.issues} />}
          {outcome.kind === 'error' && (
            <Alert type="error">
              <Paragraph>{outcome.message}</Paragraph>
            </Alert>
          )}
        </section>
      )}
      <Format />
    </>
  );
}

function Done({ result }: { result: HrImportResult }) {
  const { t } = useTranslation();
  const changed = result.inserted + result.updated > 0;
  return (
    <>
      <Alert type="ok">
        <Paragraph>
          {changed
            ? t('analytics.import.done', { first: result.firstMonth, last: result.lastMonth })
            : t('analytics.import.unchanged')}
        </Paragraph>
      </Alert>
      <dl className="pvi-facts">
        <dt>{t('analytics.import.count.rows')}</dt>
        <dd>{formatNumber(result.rows)}</dd>
        <dt>{t('analytics.import.count.teams')}</dt>
        <dd>{formatNumber(result.teams)}</dd>
        <dt>{t('analytics.import.count.inserted')}</dt>
        <dd>{formatNumber(result.inserted)}</dd>
        <dt>{t('analytics.import.count.updated')}</dt>
        <dd>{formatNumber(result.updated)}</dd>
        <dt>{t('analytics.import.count.unchanged')}</dt>
        <dd>{formatNumber(result.unchanged)}</dd>
      </dl>
    </>
  );
}

/** Every issue of a refused file: line, column and reason (in words, and the server's detail). */
function Issues({ issues }: { issues: HrFileIssue[] }) {
  const { t } = useTranslation();
  const lines = new Set(issues.map((i) => i.line)).size;
  const caption = t('analytics.import.issuesCaption');
  return (
    <>
      <Alert type="error">
        <Paragraph>
          {t('analytics.import.rejected', { count: lines, formatted: formatNumber(lines) })}
        </Paragraph>
      </Alert>
      <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <Table>
          <caption className="pvi-visually-hidden">{caption}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('analytics.import.line')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.import.field')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.import.reason')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.import.detail')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {issues.map((i, n) => (
              <TableRow key={`${String(i.line)}-${i.field ?? ''}-${String(n)}`}>
                <TableCell>{formatNumber(i.line)}</TableCell>
                <TableCell>
                  {i.field ? <code>{i.field}</code> : t('analytics.import.wholeRow')}
                </TableCell>
                <TableCell>
                  {t(`analytics.import.code.${i.code}`, {
                    defaultValue: t('analytics.import.code.invalid_row'),
                  })}
                </TableCell>
                <TableCell lang="en">{i.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function Format() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hr-format-title" className="pvi-admin-section">
      <Heading2 id="hr-format-title">{t('analytics.import.format.title')}</Heading2>
      <Paragraph>
        <code className="pvi-code">{HR_COLUMNS.join(',')}</code>
      </Paragraph>
      <dl className="pvi-facts pvi-facts--wide">
        {HR_COLUMNS.map((c) => (
          <div key={c} className="pvi-facts__row">
            <dt>
              <code>{c}</code>
            </dt>
            <dd>{t(`analytics.import.format.${c}`)}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>{t('analytics.import.format.rules')}</Paragraph>
    </section>
  );
}
