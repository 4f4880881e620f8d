import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { CoverageLink } from '../controls-followup/FollowUpLinks.tsx';
import { districtsQuery, teamsQuery, unitQuery } from './api.ts';
import { TeamTable } from './TeamTable.tsx';

export function UnitPage() {
  const { t } = useTranslation();
  const { unitId } = useParams({ from: '/signed-in/organisatie/eenheden/$unitId' });
  const unit = useQuery(unitQuery(unitId));
  const districts = useQuery(districtsQuery(unitId));
  const teams = useQuery(teamsQuery({ unitId }));
  if (unit.isPending) return <Loading />;
  if (unit.isError) return <Failure error={unit.error} />;
  const direct = teams.data?.items.filter((team) => team.districtId === null) ?? [];
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.organisation'), to: '/organisatie' },
          { label: unit.data.name },
        ]}
      />
      <Heading1>{unit.data.name}</Heading1>
      <Paragraph>
        {t('org.unitCounts', { districts: unit.data.districtCount, teams: unit.data.teamCount })}
      </Paragraph>
      <CoverageLink level="unit" id={unitId} />
      <Heading2>{t('org.districts')}</Heading2>
      {districts.isPending ? (
        <Loading />
      ) : districts.isError ? (
        <Failure error={districts.error} />
      ) : districts.data.items.length === 0 ? (
        <Empty>{t('org.noDistricts')}</Empty>
      ) : (
        <ul className="pvi-cards">
          {districts.data.items.map((d) => (
            <li key={d.id} className="pvi-card">
              <Link to="/organisatie/districten/$districtId" params={{ districtId: d.id }}>
                {d.name}
              </Link>
              <Paragraph>{t('org.teamCount', { count: d.teamCount })}</Paragraph>
            </li>
          ))}
        </ul>
      )}
      {direct.length > 0 && (
        <>
          <Heading2>{t('org.unitTeams')}</Heading2>
          <TeamTable teams={direct} caption={t('org.unitTeams')} />
        </>
      )}
    </>
  );
}
