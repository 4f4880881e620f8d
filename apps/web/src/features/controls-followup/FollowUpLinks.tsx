import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../../app/session.ts';
import { hasRole } from '../monitor/labels.ts';
import { COVERAGE_READERS, FOLLOW_UP_READERS } from './api.ts';

/** On a team's page: its reflection and its training and outreach, for those who may read them. */
export function TeamFollowUpLinks({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!hasRole(session?.activeGrant, FOLLOW_UP_READERS)) return null;
  return (
    <Paragraph>
      <Link to="/controles/teams/$teamId/reflectie" params={{ teamId }}>
        {t('followUp.reflection.link')}
      </Link>
      {' · '}
      <Link to="/controles/teams/$teamId/vorming" params={{ teamId }}>
        {t('followUp.outreach.link')}
      </Link>
    </Paragraph>
  );
}

/** On a unit's or district's page: the training and outreach coverage. */
export function CoverageLink({ level, id }: { level: 'unit' | 'district'; id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!hasRole(session?.activeGrant, COVERAGE_READERS)) return null;
  return (
    <Paragraph>
      {level === 'unit' ? (
        <Link to="/controles/dekking/eenheden/$unitId" params={{ unitId: id }}>
          {t('followUp.coverage.link')}
        </Link>
      ) : (
        <Link to="/controles/dekking/districten/$districtId" params={{ districtId: id }}>
          {t('followUp.coverage.link')}
        </Link>
      )}
    </Paragraph>
  );
}
