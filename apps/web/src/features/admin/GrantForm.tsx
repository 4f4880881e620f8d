import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { AccountSummary, Role, ScopeType } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { ErrorSummary, type FieldError } from '../../components/Form.tsx';
import { SelectField } from './Fields.tsx';
import { grantRole, scopeDistrictsQuery, scopeTeamsQuery, scopeUnitsQuery } from './api.ts';
import { ROLES, SCOPE_TYPES } from './labels.ts';

/**
 * Grants a role with a scope: national, or a unit, district or team chosen step by step
 * (unit → district → team), each list filled from the organisation.
 */
export function GrantForm({
  account,
  onDone,
}: {
  account: AccountSummary;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [role, setRole] = useState<Role | ''>('');
  const [scopeType, setScopeType] = useState<ScopeType | ''>('');
  const [unitId, setUnitId] = useState('');
  const [districtId, setDistrictId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const needsUnit = scopeType === 'unit' || scopeType === 'district' || scopeType === 'team';
  const needsDistrict = scopeType === 'district' || scopeType === 'team';
  const units = useQuery({ ...scopeUnitsQuery, enabled: needsUnit });
  const districts = useQuery({
    ...scopeDistrictsQuery(unitId),
    enabled: needsDistrict && !!unitId,
  });
  const teams = useQuery({
    ...scopeTeamsQuery(unitId, districtId),
    enabled: scopeType === 'team' && !!unitId && !!districtId,
  });

  /** The field that names the scope, where a scope error belongs. */
  const scopeField =
    scopeType === 'team'
      ? 'grant-team'
      : scopeType === 'district'
        ? 'grant-district'
        : 'grant-unit';
  const scopeId =
    scopeType === 'team'
      ? teamId
      : scopeType === 'district'
        ? districtId
        : scopeType === 'unit'
          ? unitId
          : '';

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!role) found.push({ field: 'grant-role', message: t('grant.roleRequired') });
    if (!scopeType)
      found.push({ field: 'grant-scope-type', message: t('grant.scopeTypeRequired') });
    if (needsUnit && !unitId) found.push({ field: 'grant-unit', message: t('grant.unitRequired') });
    if (needsDistrict && unitId && !districtId)
      found.push({ field: 'grant-district', message: t('grant.districtRequired') });
    if (scopeType === 'team' && districtId && !teamId)
      found.push({ field: 'grant-team', message: t('grant.teamRequired') });
    setErrors(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length || !role || !scopeType) return;
    setBusy(true);
    try {
      const granted = await grantRole(account.id, {
        role,
        scopeType,
        scopeId: scopeType === 'national' ? null : scopeId,
      });
      await client.invalidateQueries({ queryKey: ['accounts'] });
      await client.invalidateQueries({ queryKey: ['account', account.id] });
      setRole('');
      setScopeType('');
      setUnitId('');
      setDistrictId('');
      setTeamId('');
      onDone(
        t('grant.granted', {
          role: t(`role.${granted.role}`),
          scope: granted.scopeType === 'national' ? t('scope.national') : granted.scopeName,
        }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setFailure(t('grant.duplicate'));
      } else if (error instanceof ApiError && error.problem?.invalidParams?.length) {
        setErrors(
          error.problem.invalidParams.map((p) => ({
            field:
              p.name === 'role'
                ? 'grant-role'
                : p.name === 'scopeType'
                  ? 'grant-scope-type'
                  : scopeField,
            message: p.name === 'scopeId' ? t('grant.scopeUnknown') : p.reason,
          })),
        );
      } else {
        setFailure(t('grant.failed'));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const loading = t('state.loading');
  return (
    <section aria-labelledby="grant-title" className="pvi-admin-section">
      <Heading2 id="grant-title">{t('grant.title')}</Heading2>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="pvi-form" noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id="grant-role"
          label={t('grant.role')}
          required
          value={role}
          onChange={(v) => {
            setRole(v as Role | '');
          }}
          empty={t('grant.choose')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          error={errorOf('grant-role')}
        />
        <SelectField
          id="grant-scope-type"
          label={t('grant.scopeType')}
          required
          value={scopeType}
          onChange={(v) => {
            setScopeType(v as ScopeType | '');
            setDistrictId('');
            setTeamId('');
          }}
          empty={t('grant.choose')}
          description={t('grant.scopeTypeHint')}
          options={SCOPE_TYPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          error={errorOf('grant-scope-type')}
        />
        {needsUnit && (
          <SelectField
            id="grant-unit"
            label={t('grant.unit')}
            required
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setDistrictId('');
              setTeamId('');
            }}
            empty={units.isPending ? loading : t('grant.choose')}
            busy={units.isFetching}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            error={errorOf('grant-unit') ?? (units.isError ? t('state.error') : undefined)}
          />
        )}
        {needsDistrict && unitId && (
          <SelectField
            id="grant-district"
            label={t('grant.district')}
            required
            value={districtId}
            onChange={(v) => {
              setDistrictId(v);
              setTeamId('');
            }}
            empty={districts.isPending ? loading : t('grant.choose')}
            busy={districts.isFetching}
            options={[
              ...(districts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
              ...(scopeType === 'team' ? [{ value: 'none', label: t('grant.noDistrict') }] : []),
            ]}
            error={errorOf('grant-district') ?? (districts.isError ? t('state.error') : undefined)}
          />
        )}
        {scopeType === 'team' && unitId && districtId && (
          <SelectField
            id="grant-team"
            label={t('grant.team')}
            required
            value={teamId}
            onChange={setTeamId}
            empty={
              teams.isPending
                ? loading
                : teams.data?.length === 0
                  ? t('grant.noTeams')
                  : t('grant.choose')
            }
            busy={teams.isFetching}
            options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            error={errorOf('grant-team') ?? (teams.isError ? t('state.error') : undefined)}
          />
        )}
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {t('grant.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
