import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading1, Heading2 } from '@utrecht/component-library-react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { CoverageLink } from '../controls-followup/FollowUpLinks.tsx';
import { districtQuery, teamsQuery } from './api.ts';
import { TeamTable } from './TeamTable.tsx';

export function DistrictPage() {
  const { t } = useTranslation();
  const { districtId } = useParams({ from: '/signed-in/organisatie/districten/$districtId' });
  const district = useQuery(districtQuery(districtId));
  const teams = useQuery(teamsQuery({ districtId }));
  if (district.isPending) return <Loading />;
  if (district.isError) return <Failure error={district.error} />;
  const d = district.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.organisation'), to: '/organisatie' },
          { label: d.unitName, to: '/organisatie/eenheden/$unitId', params: { unitId: d.unitId } },
          { label: d.name },
        ]}
      />
      <Heading1>{d.name}</Heading1>
      <CoverageLink level="district" id={districtId} />
      <Heading2>{t('org.teams')}</Heading2>
      {teams.isPending ? (
        <Loading />
      ) : teams.isError ? (
        <Failure error={teams.error} />
      ) : teams.data.items.length === 0 ? (
        <Empty>{t('org.noTeams')}</Empty>
      ) : (
        <TeamTable teams={teams.data.items} caption={t('org.teamsOf', { name: d.name })} />
      )}
    </>
  );
}
