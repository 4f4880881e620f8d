import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Page, Team, Wave } from '@pvi/contracts';
import { api, ApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { ErrorSummary, type FieldError } from '../../components/Form.tsx';
import { SelectField } from '../admin/Fields.tsx';
import { createTeamLink, type TeamLink } from './api.ts';

const unitTeamsQuery = (unitId: string) => ({
  queryKey: ['monitor', 'unit-teams', unitId],
  queryFn: async () =>
    (await api<Page<Team>>(`/teams?unitId=${unitId}&pageSize=500`)).items.sort((a, b) =>
      a.name.localeCompare(b.name, 'nl'),
    ),
  staleTime: 5 * 60_000,
});

/**
 * Team links for colleagues without e-mail: a link and a QR code per team. A team chief makes one
 * for their own team; a manager chooses a unit of the wave and a team. A new link replaces the old.
 */
export function TeamLinks({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const session = useSession();
  const grant = session?.activeGrant ?? null;
  const ownTeam =
    grant?.scopeType === 'team' ? { id: grant.scopeId!, name: grant.scopeName } : null;
  const [unitId, setUnitId] = useState(wave.units.length === 1 ? wave.units[0]!.unitId : '');
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<TeamLink | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const teams = useQuery({ ...unitTeamsQuery(unitId), enabled: !ownTeam && unitId !== '' });

  const make = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const chosen = ownTeam?.id ?? teamId;
    const found: FieldError[] = [];
    if (!ownTeam && !unitId) found.push({ field: 'link-unit', message: t('grant.unitRequired') });
    else if (!chosen) found.push({ field: 'link-team', message: t('grant.teamRequired') });
    setErrors(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    try {
      const made = await createTeamLink(wave.id, chosen);
      setLink(made.items[0] ?? null);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      setLink(null);
      const status = error instanceof ApiError ? error.status : 0;
      setFailure(
        status === 404
          ? t('monitor.links.notInWave')
          : status === 409
            ? t('monitor.links.notOpen')
            : status === 403
              ? t('state.forbidden')
              : t('monitor.links.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="links-title" className="pvi-monitor-section">
      <Heading2 id="links-title">{t('monitor.links.title')}</Heading2>
      <Paragraph>{t('monitor.links.intro')}</Paragraph>
      <Alert type="warning">
        <Paragraph>{t('monitor.links.warning')}</Paragraph>
      </Alert>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void make(e)}>
        {!ownTeam && (
          <>
            <SelectField
              id="link-unit"
              label={t('monitor.create.unit')}
              required
              value={unitId}
              onChange={(v) => {
                setUnitId(v);
                setTeamId('');
              }}
              empty={t('grant.choose')}
              options={wave.units.map((u) => ({ value: u.unitId, label: u.unitName }))}
              error={errorOf('link-unit')}
            />
            {unitId && (
              <SelectField
                id="link-team"
                label={t('grant.team')}
                required
                value={teamId}
                onChange={setTeamId}
                empty={teams.isPending ? t('state.loading') : t('grant.choose')}
                busy={teams.isFetching}
                options={(teams.data ?? []).map((x) => ({
                  value: x.id,
                  label: x.districtName ? `${x.name} (${x.districtName})` : x.name,
                }))}
                error={errorOf('link-team') ?? (teams.isError ? t('state.error') : undefined)}
              />
            )}
          </>
        )}
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {ownTeam ? t('monitor.links.makeFor', { team: ownTeam.name }) : t('monitor.links.make')}
          </Button>
        </div>
      </form>
      {link && <TeamLinkCard link={link} headingRef={resultRef} />}
    </section>
  );
}

function TeamLinkCard({
  link,
  headingRef,
}: {
  link: TeamLink;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // As an image, the server's SVG cannot run anything in the page; its alt text names it.
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`;
  return (
    <div className="pvi-card pvi-team-link">
      <Heading3 ref={headingRef} tabIndex={-1}>
        {t('monitor.links.for', { team: link.teamName })}
      </Heading3>
      <img
        className="pvi-qr"
        src={src}
        alt={t('monitor.links.qrAlt', { team: link.teamName })}
        width={220}
        height={220}
      />
      <p>
        <span className="pvi-block">{t('monitor.links.url')}</span>
        <code className="pvi-code pvi-team-link__url">{link.url}</code>
      </p>
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={() => {
          // Without a secure context there is no clipboard: the promise then rejects.
          void Promise.resolve()
            .then(() => navigator.clipboard.writeText(link.url))
            .then(
              () => {
                setCopied(true);
              },
              () => {
                setCopied(false);
              },
            );
        }}
      >
        {t('monitor.links.copy')}
      </Button>
      <span role="status" className="pvi-copy-status">
        {copied ? t('monitor.links.copied') : ''}
      </span>
    </div>
  );
}
