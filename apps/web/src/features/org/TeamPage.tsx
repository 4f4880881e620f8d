import { useParams } from '@tanstack/react-router';
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
import { ApiError } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { TeamFollowUpLinks } from '../controls-followup/FollowUpLinks.tsx';
import { membersQuery, teamQuery } from './api.ts';

export function TeamPage() {
  const { t } = useTranslation();
  const { teamId } = useParams({ from: '/signed-in/organisatie/teams/$teamId' });
  const team = useQuery(teamQuery(teamId));
  const members = useQuery(membersQuery(teamId));
  if (team.isPending) return <Loading />;
  if (team.isError) return <Failure error={team.error} />;
  const x = team.data;
  const crumbs: Crumb[] = [
    { label: t('nav.home'), to: '/' },
    { label: t('nav.organisation'), to: '/organisatie' },
    { label: x.unitName, to: '/organisatie/eenheden/$unitId', params: { unitId: x.unitId } },
  ];
  if (x.districtId && x.districtName)
    crumbs.push({
      label: x.districtName,
      to: '/organisatie/districten/$districtId',
      params: { districtId: x.districtId },
    });
  crumbs.push({ label: x.name });
  const membersHidden = members.error instanceof ApiError && members.error.status === 403;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <Heading1>{x.name}</Heading1>
      <Paragraph>
        {t(`teamKind.${x.kind}`)} ·{' '}
        {t('org.memberCount', { count: x.memberCount, formatted: formatNumber(x.memberCount) })}
      </Paragraph>
      <Paragraph>{x.chief ? t('org.chief', { name: x.chief.name }) : t('org.noChief')}</Paragraph>
      <TeamFollowUpLinks teamId={x.id} />
      <Heading2>{t('org.members')}</Heading2>
      {membersHidden ? (
        <Paragraph className="pvi-muted">{t('org.membersHidden')}</Paragraph>
      ) : members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <Failure error={members.error} />
      ) : members.data.length === 0 ? (
        <Empty>{t('org.noMembers')}</Empty>
      ) : (
        <div className="pvi-table-wrap">
          <Table>
            <caption className="pvi-visually-hidden">
              {t('org.membersOf', { name: x.name })}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('org.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('org.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('org.since')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.data.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>{m.name}</TableCell>
                  <TableCell>{t(`memberRole.${m.role}`)}</TableCell>
                  <TableCell>{formatDate(m.validFrom)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
