import { useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { District, Grant, Page, Team, Unit } from '@pvi/contracts';
import { api } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorSummary, type FieldError } from '../../components/Form.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { DateField, SelectField, type Option } from '../admin/Fields.tsx';
import { DisparitySection, ExclusionsSection } from './AnalysisMore.tsx';
import { BenchmarkSection, EffectivenessSection, QualitySection } from './AnalysisTables.tsx';
import {
  analysisExportUrl,
  analysisQuery,
  analysisWithPopulationQuery,
  qs,
  recordsExportUrl,
  type AnalysisFilter,
  type AnalysisLevel,
} from './api.ts';
import { ANALYSIS_READERS, RECORD_EXPORTERS } from './labels.ts';
import type { Population } from './PopulationForm.tsx';
import './controls.css';

export interface FiguresSearch {
  scope?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const LEVELS: AnalysisLevel[] = ['team', 'district', 'unit', 'national'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `unit:ID` (or `national:`) → the scope; null when it is not one. */
function parseScope(value: string | undefined): { level: AnalysisLevel; id: string | null } | null {
  if (!value) return null;
  const [level, id = ''] = value.split(':');
  if (!LEVELS.includes(level as AnalysisLevel)) return null;
  if (level === 'national') return { level: 'national', id: null };
  return id ? { level: level as AnalysisLevel, id } : null;
}
const ownScope = (g: Grant | null | undefined) =>
  g ? `${g.scopeType}:${g.scopeType === 'national' ? '' : (g.scopeId ?? '')}` : undefined;

/** The scopes the active grant may look at: its own, and what lies below it. */
function useScopeOptions(grant: Grant | null | undefined): Option[] {
  const { t } = useTranslation();
  const id = grant?.scopeId ?? '';
  const type = grant?.scopeType;
  const units = useQuery({
    queryKey: ['controls', 'scopes', 'units'],
    queryFn: () => api<Page<Unit>>(`/units${qs({ pageSize: 100 })}`),
    enabled: type === 'national',
  });
  const districts = useQuery({
    queryKey: ['controls', 'scopes', 'districts', id],
    queryFn: () => api<Page<District>>(`/districts${qs({ unitId: id, pageSize: 100 })}`),
    enabled: type === 'unit',
  });
  const teams = useQuery({
    queryKey: ['controls', 'scopes', 'teams', type, id],
    queryFn: () =>
      api<Page<Team>>(
        `/teams${qs({ [type === 'unit' ? 'unitId' : 'districtId']: id, pageSize: 500 })}`,
      ),
    enabled: type === 'unit' || type === 'district',
  });
  if (!grant) return [];
  const of = (level: AnalysisLevel, key: string, name: string): Option => ({
    value: `${level}:${key}`,
    label: `${name} (${t(`controls.figures.level.${level}`)})`,
  });
  return [
    of(grant.scopeType, type === 'national' ? '' : id, grant.scopeName),
    ...(units.data?.items ?? []).map((u) => of('unit', u.id, u.name)),
    ...(districts.data?.items ?? []).map((d) => of('district', d.id, d.name)),
    ...(teams.data?.items ?? []).map((tm) => of('team', tm.id, tm.name)),
  ];
}

/**
 * The measuring instrument for a scope and period: registration quality, hit rates with their
 * intervals, the internal benchmark, disparity where a group is recorded, and the exclusions.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/signed-in/controles/cijfers' });
  const grant = useSession()?.activeGrant;
  const reader = grant !== null && grant !== undefined && ANALYSIS_READERS.includes(grant.role);
  const options = useScopeOptions(grant);
  const scopeValue = search.scope ?? ownScope(grant) ?? '';
  const scope = parseScope(scopeValue);
  const filter: AnalysisFilter | null = scope
    ? { ...scope, from: search.from, to: search.to }
    : null;
  // Residents per group from the analyst's file: for this scope and period only.
  const [population, setPopulation] = useState<{ key: string; value: Population } | null>(null);
  const filterKey = JSON.stringify(filter);
  const residents = population?.key === filterKey ? population.value : null;
  const analysis = useQuery({
    ...(residents && filter
      ? analysisWithPopulationQuery(filter, residents.rows)
      : analysisQuery(filter ?? { level: 'national', id: null })),
    enabled: reader && filter !== null,
    // While the figures with residents load, the page keeps showing those without them.
    placeholderData: (previous) => (residents ? previous : undefined),
  });
  const [form, setForm] = useState({
    scope: scopeValue,
    from: search.from ?? '',
    to: search.to ?? '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const show = (e: React.SyntheticEvent) => {
    e.preventDefault();
    const found: FieldError[] = [];
    if (form.from && !DAY.test(form.from))
      found.push({ field: 'ctl-from', message: t('controls.figures.dateInvalid') });
    if (form.to && !DAY.test(form.to))
      found.push({ field: 'ctl-to', message: t('controls.figures.dateInvalid') });
    if (form.from && form.to && form.from > form.to)
      found.push({ field: 'ctl-to', message: t('controls.figures.periodReversed') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    void navigate({
      to: '/controles/cijfers',
      search: {
        scope: form.scope || undefined,
        from: form.from || undefined,
        to: form.to || undefined,
      },
    });
  };
  const errorOf = (field: string) => errors.find((x) => x.field === field)?.message;
  const exporter = grant !== null && grant !== undefined && RECORD_EXPORTERS.includes(grant.role);
  const records = filter && exporter ? recordsExportUrl(filter) : null;

  return (
    <>
      <Breadcrumbs
        items={[{ label: t('nav.home'), to: '/' }, { label: t('controls.figures.title') }]}
      />
      <Heading1>{t('controls.figures.title')}</Heading1>
      <Paragraph>{t('controls.figures.intro')}</Paragraph>
      {!reader ? (
        <Paragraph>{t('controls.figures.notReader')}</Paragraph>
      ) : (
        <>
          <ErrorSummary errors={errors} attempt={attempt} />
          <form className="pvi-figures-filter" noValidate onSubmit={show}>
            <SelectField
              id="ctl-scope"
              label={t('controls.figures.scope')}
              required
              value={form.scope}
              options={
                options.some((o) => o.value === form.scope)
                  ? options
                  : [...options, { value: form.scope, label: form.scope }]
              }
              onChange={(v) => {
                setForm({ ...form, scope: v });
              }}
            />
            <DateField
              id="ctl-from"
              label={t('controls.figures.from')}
              required={false}
              value={form.from}
              error={errorOf('ctl-from')}
              onChange={(v) => {
                setForm({ ...form, from: v });
              }}
            />
            <DateField
              id="ctl-to"
              label={t('controls.figures.to')}
              required={false}
              value={form.to}
              error={errorOf('ctl-to')}
              onChange={(v) => {
                setForm({ ...form, to: v });
              }}
            />
            <div>
              <Button type="submit" appearance="primary-action-button">
                {t('controls.figures.show')}
              </Button>
            </div>
          </form>
          {analysis.isPending ? (
            <Loading />
          ) : analysis.isError ? (
            <Failure error={analysis.error} />
          ) : (
            <>
              <Heading2>
                {options.find((o) => o.value === scopeValue)?.label ?? t('controls.figures.title')}
              </Heading2>
              <Paragraph>
                {t('controls.figures.period', {
                  from: formatDate(`${analysis.data.scope.from}T12:00:00Z`),
                  to: formatDate(`${analysis.data.scope.to}T12:00:00Z`),
                  count: analysis.data.quality.controls,
                  formatted: formatNumber(analysis.data.quality.controls),
                })}
              </Paragraph>
              {filter && (
                <Paragraph>
                  <a className="utrecht-link" href={analysisExportUrl(filter)} download>
                    {t('controls.figures.exportAnalysis')}
                  </a>
                  {records && (
                    <>
                      {' · '}
                      <a className="utrecht-link" href={records} download>
                        {t('controls.figures.exportRecords')}
                      </a>
                    </>
                  )}
                </Paragraph>
              )}
              {analysis.data.quality.controls === 0 ? (
                <Empty>{t('controls.figures.empty')}</Empty>
              ) : (
                <>
                  <QualitySection a={analysis.data} />
                  <EffectivenessSection a={analysis.data} />
                  <BenchmarkSection a={analysis.data} />
                  <DisparitySection
                    a={analysis.data}
                    population={residents}
                    onPopulation={(value) => {
                      setPopulation(value && { key: filterKey, value });
                    }}
                  />
                </>
              )}
              <ExclusionsSection a={analysis.data} />
            </>
          )}
        </>
      )}
    </>
  );
}
