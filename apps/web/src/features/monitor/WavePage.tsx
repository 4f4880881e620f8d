import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
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
import type { Wave } from '@pvi/contracts';
import { formatDateTime, formatNumber } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Failure, Loading } from '../../components/States.tsx';
import { waveQuery, wavesQuery } from './api.ts';
import { formatDay, todayInAmsterdam } from './format.ts';
import { hasRole, managesWave, reportRoute, reportTargetOf, TEAM_LINK_MAKERS } from './labels.ts';
import { TeamLinks } from './TeamLinks.tsx';
import { WaveActions } from './WaveActions.tsx';
import { DraftRulesForm } from './WaveRules.tsx';
import { ResponseText } from './ResponseText.tsx';
import '../admin/admin.css';
import './monitor.css';

/** One wave: its relay legs, response so far, what a manager can do, and its reports. */
export function WavePage() {
  const { t } = useTranslation();
  const { waveId } = useParams({ from: '/signed-in/teammonitor/$waveId' });
  const wave = useQuery(waveQuery(waveId));
  const session = useSession();
  const grant = session?.activeGrant ?? null;
  const crumbs = [
    { label: t('nav.home'), to: '/' },
    { label: t('nav.monitor'), to: '/teammonitor' },
  ];
  if (wave.isPending) return <Loading />;
  if (wave.isError)
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: t('monitor.wave') }]} />
        <Heading1>{t('monitor.wave')}</Heading1>
        <Failure error={wave.error} />
      </>
    );
  const w = wave.data;
  const manager = managesWave(grant, w);
  const linkMaker = manager || (hasRole(grant, TEAM_LINK_MAKERS) && grant?.scopeType === 'team');
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: w.name }]} />
      <Heading1>{w.name}</Heading1>
      <Paragraph>
        <span className={`pvi-status pvi-status--${w.status}`}>
          {t(`monitor.status.${w.status}`)}
        </span>{' '}
        {t(`monitor.statusText.${w.status}`)}
      </Paragraph>
      <WaveFacts wave={w} />
      <Legs wave={w} />
      {manager && w.status === 'draft' && <DraftRulesForm wave={w} />}
      {manager && <WaveActions wave={w} />}
      {w.status === 'open' && linkMaker && <TeamLinks wave={w} />}
      {w.status === 'closed' && <Reports wave={w} />}
    </>
  );
}

function WaveFacts({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const waves = useQuery({ ...wavesQuery, enabled: wave.previousWaveId !== null });
  const previous = waves.data?.find((x) => x.id === wave.previousWaveId);
  return (
    <dl className="pvi-facts pvi-facts--wide">
      <dt>{t('monitor.column.instrument')}</dt>
      <dd>
        {t(`monitor.instrument.${wave.instrumentKey}`)}{' '}
        <span className="pvi-muted">
          ({t('monitor.version', { version: wave.instrumentVersion })})
        </span>
      </dd>
      <dt>{t('monitor.facts.teams')}</dt>
      <dd>{formatNumber(wave.teams)}</dd>
      <dt>{t('monitor.column.response')}</dt>
      <dd>
        <ResponseText invited={wave.invited} responded={wave.responded} />
      </dd>
      {wave.openedAt && (
        <>
          <dt>{t('monitor.facts.openedAt')}</dt>
          <dd>{formatDateTime(wave.openedAt)}</dd>
        </>
      )}
      {wave.closedAt && (
        <>
          <dt>{t('monitor.facts.closedAt')}</dt>
          <dd>{formatDateTime(wave.closedAt)}</dd>
        </>
      )}
      {wave.previousWaveId && (
        <>
          <dt>{t('monitor.facts.previous')}</dt>
          <dd>
            <Link to="/teammonitor/$waveId" params={{ waveId: wave.previousWaveId }}>
              {previous?.name ?? t('monitor.facts.previousWave')}
            </Link>
          </dd>
        </>
      )}
      <dt>{t('monitor.facts.rules')}</dt>
      <dd>
        {t('monitor.facts.rulesText', {
          min: wave.rules.minGroupSize,
          open: wave.rules.minOpenAnswerGroupSize,
        })}{' '}
        <span className="pvi-muted">
          {wave.rulesLocked ? t('monitor.facts.rulesLocked') : t('monitor.facts.rulesDraft')}
        </span>
      </dd>
      {wave.imported && (
        <>
          <dt>{t('monitor.facts.source')}</dt>
          <dd>{t('monitor.facts.imported')}</dd>
        </>
      )}
    </dl>
  );
}

type LegState = 'upcoming' | 'running' | 'finished';

function legState(wave: Wave, leg: Wave['units'][number], today: string): LegState {
  if (wave.status === 'closed') return 'finished';
  if (wave.status === 'draft' || today < leg.opensOn) return 'upcoming';
  return today > leg.closesOn ? 'finished' : 'running';
}

/** The relay: units in order with their dates and where each leg stands today. */
function Legs({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const today = todayInAmsterdam();
  const legs = [...wave.units].sort((a, b) => a.relayOrder - b.relayOrder);
  return (
    <section aria-labelledby="legs-title">
      <Heading2 id="legs-title">{t('monitor.legs.title')}</Heading2>
      <div
        className="pvi-table-wrap"
        role="region"
        aria-label={t('monitor.legs.title')}
        tabIndex={0}
      >
        <Table>
          <caption className="pvi-visually-hidden">{t('monitor.legs.title')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitor.legs.order')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.legs.unit')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.legs.opensOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.legs.closesOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.legs.state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {legs.map((leg) => (
              <TableRow key={leg.unitId}>
                <TableCell>{formatNumber(leg.relayOrder)}</TableCell>
                <TableHeaderCell scope="row">{leg.unitName}</TableHeaderCell>
                <TableCell>{formatDay(leg.opensOn)}</TableCell>
                <TableCell>{formatDay(leg.closesOn)}</TableCell>
                <TableCell>{t(`monitor.legs.${legState(wave, leg, today)}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Paragraph className="pvi-muted">{t('monitor.legs.countsHint')}</Paragraph>
    </section>
  );
}

/** Links to the reports the active role may read: its own scope, from there down. */
function Reports({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const session = useSession();
  const target = reportTargetOf(session);
  return (
    <section aria-labelledby="reports-title">
      <Heading2 id="reports-title">{t('monitor.reports.title')}</Heading2>
      {target ? (
        <>
          <Paragraph>
            <Link {...reportRoute(wave.id, target.level, target.id)}>
              {target.level === 'national'
                ? t('monitor.reports.national')
                : t('monitor.reports.of', { name: target.name })}
            </Link>
          </Paragraph>
          {target.level !== 'team' && (
            <Paragraph className="pvi-muted">{t('monitor.reports.drillDown')}</Paragraph>
          )}
        </>
      ) : (
        <Paragraph className="pvi-muted">{t('monitor.reports.noAccess')}</Paragraph>
      )}
    </section>
  );
}
