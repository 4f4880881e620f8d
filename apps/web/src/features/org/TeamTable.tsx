import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Team } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';

export function TeamTable({ teams, caption }: { teams: Team[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="pvi-table-wrap">
      <Table>
        <caption className="pvi-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('org.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('org.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('org.district')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('org.members')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {teams.map((team) => (
            <TableRow key={team.id}>
              <TableCell>
                <Link to="/organisatie/teams/$teamId" params={{ teamId: team.id }}>
                  {team.name}
                </Link>
              </TableCell>
              <TableCell>{t(`teamKind.${team.kind}`)}</TableCell>
              <TableCell>{team.districtName ?? '—'}</TableCell>
              <TableCell>{formatNumber(team.memberCount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
