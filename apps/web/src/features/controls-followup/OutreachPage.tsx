import { useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { formatDate, formatNumber } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { ConfirmButton } from '../admin/ConfirmButton.tsx';
import { SelectField } from '../admin/Fields.tsx';
import { hasRole } from '../monitor/labels.ts';
import {
  FOLLOW_UP_EDITORS,
  outreachYearQuery,
  recentYears,
  removeActivity,
  updateOutreachActivityCaches,
} from './api.ts';
import { coverageCells, StatusText } from './NormStatus.tsx';
import { ActivityForm, YearForm } from './OutreachForms.tsx';
import '../monitor/monitor.css';
import './followup.css';

/** A team's training and outreach in a year: against the norms, with what was recorded. */
export function OutreachPage() {
  const { t } = useTranslation();
  const { teamId } = useParams({ from: '/signed-in/controles/teams/$teamId/vorming' });
  const session = useSession();
  const client = useQueryClient();
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const data = useQuery(outreachYearQuery(teamId, year));
  const editor = hasRole(session?.activeGrant, FOLLOW_UP_EDITORS);
  const name = data.data?.team.name ?? t('org.team');

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: name, to: '/organisatie/teams/$teamId', params: { teamId } },
          { label: t('followUp.outreach.crumb') },
        ]}
      />
      <Heading1>{t('followUp.outreach.title', { team: name })}</Heading1>
      <Paragraph>{t('followUp.outreach.intro')}</Paragraph>
      <Paragraph>
        <Link to="/controles/teams/$teamId/reflectie" params={{ teamId }}>
          {t('followUp.reflection.link')}
        </Link>
      </Paragraph>
      <form
        className="pvi-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <SelectField
          id="outreach-year"
          label={t('followUp.year.label')}
          required
          value={String(year)}
          onChange={(v) => {
            setYear(Number(v));
          }}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </form>
      {data.isPending ? (
        <Loading />
      ) : data.isError ? (
        <Failure error={data.error} />
      ) : (
        <>
          <section aria-labelledby="norms-title" className="pvi-monitor-section">
            <Heading2 id="norms-title">{t('followUp.outreach.norms', { year })}</Heading2>
            <div
              className="pvi-table-wrap"
              role="region"
              aria-labelledby="norms-title"
              tabIndex={0}
            >
              <Table>
                <caption className="pvi-visually-hidden">
                  {t('followUp.outreach.norms', { year })}
                </caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('followUp.coverage.norm')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('followUp.coverage.recorded')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('followUp.coverage.status')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(() => {
                    const c = data.data.coverage;
                    const cells = coverageCells(c, t);
                    const n = data.data.norms;
                    return (
                      <>
                        <TableRow>
                          <TableHeaderCell scope="row">
                            {t('followUp.norm.ambassadors', { n: n.ambassadorsPerBaseTeam })}
                          </TableHeaderCell>
                          <TableCell>{cells.ambassadors}</TableCell>
                          <TableCell>
                            <StatusText status={c.ambassadors.status} />
                          </TableCell>
                        </TableRow>
                        <TableRow>
                          <TableHeaderCell scope="row">{t('followUp.norm.ibt')}</TableHeaderCell>
                          <TableCell>{cells.ibt}</TableCell>
                          <TableCell>
                            <StatusText status={c.ibt.status} />
                          </TableCell>
                        </TableRow>
                        <TableRow>
                          <TableHeaderCell scope="row">
                            {t('followUp.norm.dialogue', { n: n.dialoguesPerTeam })}
                          </TableHeaderCell>
                          <TableCell>{cells.dialogue}</TableCell>
                          <TableCell>
                            <StatusText status={c.dialogue.status} />
                          </TableCell>
                        </TableRow>
                        <TableRow>
                          <TableHeaderCell scope="row">{t('followUp.norm.vr')}</TableHeaderCell>
                          <TableCell>{cells.vr}</TableCell>
                          <TableCell>{t('followUp.status.no_norm')}</TableCell>
                        </TableRow>
                      </>
                    );
                  })()}
                </TableBody>
              </Table>
            </div>
            <Paragraph>
              {data.data.ambassadors.length
                ? t('followUp.outreach.ambassadorsAre', {
                    names: data.data.ambassadors.map((a) => a.name).join(', '),
                  })
                : t('followUp.outreach.noAmbassadors')}
            </Paragraph>
          </section>

          <section aria-labelledby="activities-title" className="pvi-monitor-section">
            <Heading2 id="activities-title">{t('followUp.activity.listTitle', { year })}</Heading2>
            {data.data.activities.length === 0 ? (
              <Empty>{t('followUp.activity.none')}</Empty>
            ) : (
              <div
                className="pvi-table-wrap"
                role="region"
                aria-labelledby="activities-title"
                tabIndex={0}
              >
                <Table>
                  <caption className="pvi-visually-hidden">
                    {t('followUp.activity.listTitle', { year })}
                  </caption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('followUp.activity.heldOn')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('followUp.activity.kind')}</TableHeaderCell>
                      <TableHeaderCell scope="col">
                        {t('followUp.activity.participants')}
                      </TableHeaderCell>
                      <TableHeaderCell scope="col">
                        {t('followUp.activity.description')}
                      </TableHeaderCell>
                      {editor && (
                        <TableHeaderCell scope="col">
                          {t('followUp.activity.actions')}
                        </TableHeaderCell>
                      )}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.data.activities.map((a) => (
                      <TableRow key={a.id}>
                        <TableCell>{formatDate(a.heldOn)}</TableCell>
                        <TableCell>{t(`followUp.activity.kinds.${a.kind}`)}</TableCell>
                        <TableCell>{formatNumber(a.participants)}</TableCell>
                        <TableCell>{a.description ?? '—'}</TableCell>
                        {editor && (
                          <TableCell>
                            <ConfirmButton
                              label={t('followUp.activity.remove')}
                              ariaLabel={t('followUp.activity.removeOf', {
                                date: formatDate(a.heldOn),
                              })}
                              question={t('followUp.activity.removeQuestion')}
                              confirmLabel={t('followUp.activity.removeConfirm')}
                              onConfirm={async () => {
                                await removeActivity(teamId, a.id);
                                await updateOutreachActivityCaches(client, teamId);
                              }}
                            />
                          </TableCell>
                        )}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          {editor && (
            <YearForm key={`${String(year)}-${String(data.data.version)}`} data={data.data} />
          )}
          {editor && <ActivityForm teamId={teamId} />}
        </>
      )}
    </>
  );
}
