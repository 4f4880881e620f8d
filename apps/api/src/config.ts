import { parsePseudonymKeys, type PseudonymKey } from './modules/controls/pseudonym.ts';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
  scopes: string;
  rolesClaim: string;
  label: string;
  /** Allow http:// issuers (tests and local development only). */
  allowInsecure: boolean;
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Set when the app is served over TLS (directly or behind a proxy): cookies get `Secure`. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * How long a resolved session (account, grants) may be served from memory (seconds, 0 = off):
   * the longest another API process or the command line can wait to see a sign-out or a revoked
   * grant (docs/api.md, "Session cache").
   */
  sessionCacheSeconds: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  oidc: OidcConfig | null;
  logLevel: string;
  /** The address people reach the app at, for links in e-mail (default http://localhost:PORT). */
  publicUrl: string;
  /** SMTP server for outgoing mail (`smtp://host:port`); without it mail is held in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Installation defaults for the team monitor's disclosure rules (each wave locks its own copy). */
  surveyMinGroupSize: number;
  surveyMinOpenAnswerGroupSize: number;
  /** Keys for pseudonymising subject keys of controls (`PVI_PSEUDONYM_KEYS`), current first. */
  pseudonymKeys: PseudonymKey[];
  /** Keys shared with CBS for the linking pseudonym (`PVI_CBS_LINK_KEYS`), current first. */
  cbsLinkKeys: PseudonymKey[];
  /** k for figures from CBS aggregates (`PVI_CBS_MIN_CELL`, default 10: CBS's output rule). */
  cbsMinCell: number;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, got "${value}".`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int(env.PORT, 3000, 'PORT');
  const oidcIssuer = env.PVI_OIDC_ISSUER;
  let oidc: OidcConfig | null = null;
  if (oidcIssuer) {
    const clientId = env.PVI_OIDC_CLIENT_ID;
    if (!clientId) throw new Error('PVI_OIDC_CLIENT_ID is required when PVI_OIDC_ISSUER is set.');
    oidc = {
      issuer: oidcIssuer,
      clientId,
      clientSecret: env.PVI_OIDC_CLIENT_SECRET,
      redirectUri:
        env.PVI_OIDC_REDIRECT_URI ?? `http://localhost:${port}/api/v1/session/oidc/callback`,
      scopes: env.PVI_OIDC_SCOPES ?? 'openid profile email',
      rolesClaim: env.PVI_OIDC_ROLES_CLAIM ?? 'pvi_roles',
      label: env.PVI_OIDC_LABEL ?? 'Inloggen met politie-account',
      allowInsecure: env.PVI_OIDC_ALLOW_INSECURE === '1',
    };
  }
  const pseudonymKeys = parsePseudonymKeys(env.PVI_PSEUDONYM_KEYS);
  const cbsLinkKeys = parsePseudonymKeys(env.PVI_CBS_LINK_KEYS, 'PVI_CBS_LINK_KEYS');
  // The CBS key is shared outside the police: it must never be an internal key as well.
  if (cbsLinkKeys.some((c) => pseudonymKeys.some((p) => p.key.equals(c.key))))
    throw new Error('PVI_CBS_LINK_KEYS must not reuse a key of PVI_PSEUDONYM_KEYS.');
  const cbsMinCell = int(env.PVI_CBS_MIN_CELL, 10, 'PVI_CBS_MIN_CELL');
  if (cbsMinCell < 2 || cbsMinCell > 1000)
    throw new Error(`PVI_CBS_MIN_CELL must be from 2 to 1000, got ${cbsMinCell}.`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PVI_DATA_DIR ?? './data',
    secureCookies: env.PVI_SECURE_COOKIES === '1',
    sessionIdleMinutes: int(env.PVI_SESSION_IDLE_MINUTES, 30, 'PVI_SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: int(env.PVI_SESSION_ABSOLUTE_HOURS, 12, 'PVI_SESSION_ABSOLUTE_HOURS'),
    sessionCacheSeconds: int(env.PVI_SESSION_CACHE_SECONDS, 5, 'PVI_SESSION_CACHE_SECONDS'),
    loginMaxFailures: int(env.PVI_LOGIN_MAX_FAILURES, 5, 'PVI_LOGIN_MAX_FAILURES'),
    loginLockMinutes: int(env.PVI_LOGIN_LOCK_MINUTES, 15, 'PVI_LOGIN_LOCK_MINUTES'),
    oidc,
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: (env.PVI_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl: env.PVI_SMTP_URL || undefined,
    mailFrom: env.PVI_MAIL_FROM ?? 'PvI-platform <noreply@pvi.invalid>',
    surveyMinGroupSize: int(env.PVI_SURVEY_MIN_GROUP, 5, 'PVI_SURVEY_MIN_GROUP'),
    surveyMinOpenAnswerGroupSize: int(env.PVI_SURVEY_MIN_OPEN, 10, 'PVI_SURVEY_MIN_OPEN'),
    pseudonymKeys,
    cbsLinkKeys,
    cbsMinCell,
  };
}
