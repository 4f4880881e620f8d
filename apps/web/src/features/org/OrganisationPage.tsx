import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { TextField } from '../../components/Form.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { teamsQuery, unitsQuery } from './api.ts';
import { TeamTable } from './TeamTable.tsx';

/** Units, and a search over all teams by name. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const units = useQuery(unitsQuery());
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const teams = useQuery({ ...teamsQuery({ q }), enabled: q.length > 0 });

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.organisation') }]} />
      <Heading1>{t('org.title')}</Heading1>
      <form
        className="pvi-search"
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
        }}
      >
        <TextField
          id="team-search"
          label={t('org.searchTeams')}
          required={false}
          type="search"
          value={draft}
          onChange={setDraft}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('org.search')}
        </Button>
      </form>
      {q && (
        <section aria-live="polite">
          <Heading2>{t('org.searchResults', { q })}</Heading2>
          {teams.isPending ? (
            <Loading />
          ) : teams.isError ? (
            <Failure error={teams.error} />
          ) : teams.data.items.length === 0 ? (
            <Empty>{t('org.noTeamsFound')}</Empty>
          ) : (
            <TeamTable teams={teams.data.items} caption={t('org.searchResults', { q })} />
          )}
        </section>
      )}
      <Heading2>{t('org.units')}</Heading2>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <Failure error={units.error} />
      ) : units.data.items.length === 0 ? (
        <Empty>{t('org.noUnits')}</Empty>
      ) : (
        <ul className="pvi-cards">
          {units.data.items.map((u) => (
            <li key={u.id} className="pvi-card">
              <Heading2>
                <Link to="/organisatie/eenheden/$unitId" params={{ unitId: u.id }}>
                  {u.name}
                </Link>
              </Heading2>
              <Paragraph>
                {t('org.unitCounts', { districts: u.districtCount, teams: u.teamCount })}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
