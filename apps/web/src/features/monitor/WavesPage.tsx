import { Link } from '@tanstack/react-router';
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
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { wavesQuery } from './api.ts';
import { firstOpenDate, formatDay, lastCloseDate } from './format.ts';
import { hasRole, WAVE_MANAGERS } from './labels.ts';
import { ResponseText } from './ResponseText.tsx';
import { plansLinkOf } from './plans/links.ts';
import { ATTENTION_READERS } from '../analytics/api.ts';
import './monitor.css';

/** The team monitor's rounds ("waves"): status, dates and response; managers start new ones. */
export function WavesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const waves = useQuery(wavesQuery);
  const manager = hasRole(session?.activeGrant, WAVE_MANAGERS);
  const plans = plansLinkOf(session);
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.monitor') }]} />
      <Heading1>{t('monitor.title')}</Heading1>
      <Paragraph>{t('monitor.intro')}</Paragraph>
      {plans && (
        <Paragraph>
          <Link to={plans.to} params={plans.params}>
            {plans.kind === 'team'
              ? t('plans.link.team', { name: plans.name })
              : t('plans.link.overview', { name: plans.name })}
          </Link>
        </Paragraph>
      )}
      {hasRole(session?.activeGrant, ATTENTION_READERS) && (
        <Paragraph>
          <Link to="/teammonitor/aandacht">{t('analytics.link')}</Link>
        </Paragraph>
      )}
      {manager && (
        <Paragraph>
          <Link
            to="/teammonitor/nieuw"
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          >
            {t('monitor.create.link')}
          </Link>
        </Paragraph>
      )}
      <section aria-labelledby="waves-title">
        <Heading2 id="waves-title">{t('monitor.waves')}</Heading2>
        {waves.isPending ? (
          <Loading />
        ) : waves.isError ? (
          <Failure error={waves.error} />
        ) : waves.data.length === 0 ? (
          <Empty>{manager ? t('monitor.noWavesManager') : t('monitor.noWaves')}</Empty>
        ) : (
          <WaveTable waves={waves.data} />
        )}
      </section>
    </>
  );
}

function WaveTable({ waves }: { waves: Wave[] }) {
  const { t } = useTranslation();
  return (
    <div className="pvi-table-wrap" role="region" aria-label={t('monitor.waves')} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{t('monitor.waves')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('monitor.column.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('monitor.column.instrument')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('monitor.column.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('monitor.column.period')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('monitor.column.response')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {waves.map((w) => {
            const from = firstOpenDate(w.units);
            const to = lastCloseDate(w.units);
            return (
              <TableRow key={w.id}>
                <TableHeaderCell scope="row">
                  <Link to="/teammonitor/$waveId" params={{ waveId: w.id }}>
                    {w.name}
                  </Link>
                </TableHeaderCell>
                <TableCell>{t(`monitor.instrument.${w.instrumentKey}`)}</TableCell>
                <TableCell>
                  <span className={`pvi-status pvi-status--${w.status}`}>
                    {t(`monitor.status.${w.status}`)}
                  </span>
                </TableCell>
                <TableCell>
                  {from && to
                    ? t('monitor.period', { from: formatDay(from), to: formatDay(to) })
                    : '—'}
                </TableCell>
                <TableCell>
                  <ResponseText invited={w.invited} responded={w.responded} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
