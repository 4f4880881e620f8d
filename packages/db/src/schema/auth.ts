import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './org.ts';

export const roles = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'ecad',
  'ndv_coordinator',
  'cdo',
  'beheerder',
] as const;
export const scopeTypes = ['team', 'district', 'unit', 'national'] as const;

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').unique(),
    passwordHash: text('password_hash'),
    personId: uuid('person_id').references(() => people.id),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    displayName: text('display_name'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('accounts_oidc_uq').on(t.oidcIssuer, t.oidcSubject)],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    scopeType: text('scope_type', { enum: scopeTypes }).notNull(),
    /** The team, district or unit id; null for national scope. */
    scopeId: uuid('scope_id'),
    source: text('source', { enum: ['local', 'oidc'] })
      .notNull()
      .default('local'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_grants_uq').on(t.accountId, t.role, t.scopeType, t.scopeId).nullsNotDistinct(),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    activeGrantId: uuid('active_grant_id').references(() => roleGrants.id, {
      onDelete: 'set null',
    }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    /** Tokens from the identity provider stay on the server. */
    oidcTokens: jsonb('oidc_tokens'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Failed sign-ins per username, whether or not the username exists. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Pending OpenID Connect sign-ins, keyed by state. */
export const oidcFlows = pgTable(
  'oidc_flows',
  {
    state: text('state').primaryKey(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    returnTo: text('return_to').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('oidc_flows_created_idx').on(t.createdAt)],
);
