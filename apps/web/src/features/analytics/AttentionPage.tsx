import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
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
import type { AttentionList } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { unitsQuery } from '../org/api.ts';
import { hasRole, pick } from '../monitor/labels.ts';
import { attentionQuery, HR_IMPORTERS, type AttentionLevel } from './api.ts';
import { formatComponentValue, formatMonth, formatScore } from './format.ts';
import { TeamAttention } from './TeamAttention.tsx';
import '../admin/admin.css';
import '../monitor/monitor.css';
import './analytics.css';

export function UnitAttentionPage() {
  const { unitId } = useParams({ from: '/signed-in/teammonitor/aandacht/eenheden/$unitId' });
  return <AttentionView level="unit" id={unitId} />;
}
export function DistrictAttentionPage() {
  const { districtId } = useParams({
    from: '/signed-in/teammonitor/aandacht/districten/$districtId',
  });
  return <AttentionView level="district" id={districtId} />;
}

const crumbsOf = (t: (k: string) => string) => [
  { label: t('nav.home'), to: '/' },
  { label: t('nav.monitor'), to: '/teammonitor' },
];

/** Where to start: the role's own unit or district, or (national) a choice of units. */
export function AttentionIndexPage() {
  const { t } = useTranslation();
  const session = useSession();
  const grant = session?.activeGrant;
  const national = grant?.scopeType === 'national';
  const units = useQuery({ ...unitsQuery(), enabled: national });
  return (
    <>
      <Breadcrumbs items={[...crumbsOf(t), { label: t('analytics.title') }]} />
      <Heading1>{t('analytics.title')}</Heading1>
      <Paragraph>{t('analytics.intro')}</Paragraph>
      {hasRole(grant, HR_IMPORTERS) && (
        <Paragraph>
          <Link to="/teammonitor/hr-indicatoren">{t('analytics.import.link')}</Link>
        </Paragraph>
      )}
      {grant?.scopeType === 'unit' && grant.scopeId && (
        <Paragraph>
          <Link to="/teammonitor/aandacht/eenheden/$unitId" params={{ unitId: grant.scopeId }}>
            {t('analytics.linkOf', { name: grant.scopeName })}
          </Link>
        </Paragraph>
      )}
      {grant?.scopeType === 'district' && grant.scopeId && (
        <Paragraph>
          <Link
            to="/teammonitor/aandacht/districten/$districtId"
            params={{ districtId: grant.scopeId }}
          >
            {t('analytics.linkOf', { name: grant.scopeName })}
          </Link>
        </Paragraph>
      )}
      {national && (
        <section aria-labelledby="attention-units-title">
          <Heading2 id="attention-units-title">{t('analytics.units')}</Heading2>
          {units.isPending ? (
            <Loading />
          ) : units.isError ? (
            <Failure error={units.error} />
          ) : (
            <ul className="pvi-plain-list">
              {units.data.items.map((u) => (
                <li key={u.id}>
                  <Link to="/teammonitor/aandacht/eenheden/$unitId" params={{ unitId: u.id }}>
                    {t('analytics.linkOf', { name: u.name })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

/** The teams of a unit or district by "needs attention" score, each reason and weight visible. */
function AttentionView({ level, id }: { level: AttentionLevel; id: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(attentionQuery(level, id));
  const [selected, setSelected] = useState<string | null>(null);
  const detailRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (selected) detailRef.current?.focus();
  }, [selected]);
  const crumbs = [...crumbsOf(t), { label: t('analytics.title'), to: '/teammonitor/aandacht' }];
  if (list.isPending) return <Loading />;
  if (list.isError)
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: t('analytics.title') }]} />
        <Heading1>{t('analytics.title')}</Heading1>
        <Failure error={list.error} />
      </>
    );
  const l = list.data;
  const item = l.items.find((x) => x.teamId === selected);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: l.scope.name }]} />
      <Heading1>{t('analytics.titleOf', { name: l.scope.name })}</Heading1>
      <Paragraph>{t('analytics.how')}</Paragraph>
      <Paragraph>
        {l.referenceMonth
          ? t('analytics.reference', { month: formatMonth(l.referenceMonth, i18n.language) })
          : t('analytics.noHr')}{' '}
        {t('analytics.disclosure', { min: l.minGroupSize })}
      </Paragraph>
      <section aria-labelledby="attention-list-title" className="pvi-monitor-section">
        <Heading2 id="attention-list-title">{t('analytics.list.title')}</Heading2>
        {l.items.length === 0 ? (
          <Empty>{t('org.noTeams')}</Empty>
        ) : (
          <TeamsTable
            list={l}
            onSelect={(teamId) => {
              setSelected(teamId);
              // Selecting the same team again still moves the focus to its details.
              if (teamId === selected) detailRef.current?.focus();
            }}
          />
        )}
      </section>
      {item && <TeamAttention ref={detailRef} item={item} />}
      <Weights list={l} />
    </>
  );
}

function TeamsTable(props: { list: AttentionList; onSelect: (teamId: string) => void }) {
  const { t } = useTranslation();
  const { list } = props;
  const caption = t('analytics.list.caption', { name: list.scope.name });
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('analytics.list.rank')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('org.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.list.score')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.list.reasons')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.list.details')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.items.map((item, i) => {
            const reasons = item.components
              .filter((c) => c.contribution > 0)
              .sort((a, b) => b.contribution - a.contribution);
            return (
              <TableRow key={item.teamId}>
                <TableCell>{formatNumber(i + 1)}</TableCell>
                <TableHeaderCell scope="row">
                  <Link to="/teammonitor/teams/$teamId/plannen" params={{ teamId: item.teamId }}>
                    {item.teamName}
                  </Link>
                </TableHeaderCell>
                <TableCell>
                  {t('analytics.list.scoreText', {
                    score: formatScore(item.score),
                    max: formatScore(item.maxScore),
                  })}
                </TableCell>
                <TableCell>
                  {reasons.length === 0 ? (
                    t('analytics.list.none')
                  ) : (
                    <ul className="pvi-plain-list">
                      {reasons.map((c) => (
                        <li key={c.key}>
                          {t('analytics.list.reason', {
                            label: pick(c.label),
                            value: c.value === null ? '—' : formatComponentValue(c.key, c.value),
                            contribution: formatScore(c.contribution),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
                <TableCell>
                  <Button
                    appearance="secondary-action-button"
                    onClick={() => {
                      props.onSelect(item.teamId);
                    }}
                  >
                    {t('analytics.list.show', { team: item.teamName })}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** How the score is made: every component with its threshold, full point and weight. */
function Weights({ list }: { list: AttentionList }) {
  const { t } = useTranslation();
  const defs = list.items[0]?.components ?? [];
  if (!defs.length) return null;
  const caption = t('analytics.weights.caption');
  return (
    <section aria-labelledby="attention-weights-title" className="pvi-monitor-section">
      <Heading2 id="attention-weights-title">{t('analytics.weights.title')}</Heading2>
      <Paragraph>{t('analytics.weights.intro')}</Paragraph>
      <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <Table>
          <caption className="pvi-visually-hidden">{caption}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('analytics.components.component')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.weights.source')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.weights.threshold')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.weights.full')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('analytics.components.weight')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {defs.map((c) => (
              <TableRow key={c.key}>
                <TableHeaderCell scope="row">{pick(c.label)}</TableHeaderCell>
                <TableCell>{t(`analytics.source.${c.source}`)}</TableCell>
                <TableCell>{formatComponentValue(c.key, c.threshold)}</TableCell>
                <TableCell>{formatComponentValue(c.key, c.full)}</TableCell>
                <TableCell>{formatScore(c.weight)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
