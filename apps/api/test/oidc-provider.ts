/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for oidc.test.ts, with minimal login and
 * consent forms, and a small cookie jar with `browse` that plays the browser (manual redirects).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------------------------
// The identity provider.
//
// oidc-provider ships no type declarations, so it is loaded untyped (a non-literal specifier keeps
// TypeScript from looking for them) and given the small shape this test uses.

interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id?: unknown };
  session?: { accountId: string };
  grantId?: string;
}
interface ProviderGrant {
  addOIDCScope: (scope: string) => void;
  addOIDCClaims: (claims: string[]) => void;
  save: () => Promise<string>;
}
interface OidcProvider {
  callback: () => (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails: (req: IncomingMessage, res: ServerResponse) => Promise<InteractionDetails>;
  interactionFinished: (
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ) => Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): ProviderGrant;
    find: (id: string) => Promise<ProviderGrant | undefined>;
  };
}
type ProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => OidcProvider;

const providerModule: string = 'oidc-provider';
async function loadProvider(): Promise<ProviderConstructor> {
  const mod = (await import(/* @vite-ignore */ providerModule)) as { default: ProviderConstructor };
  return mod.default;
}

interface AdapterPayload {
  uid?: string;
  userCode?: string;
  grantId?: string;
  consumed?: number;
  [key: string]: unknown;
}

/** oidc-provider's storage, in memory (its own in-memory adapter is development-only and says so). */
function memoryAdapter() {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return store.get(key)?.payload;
  };
  return class {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      store.set(this.key(id), {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity,
      });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      for (const [key, { payload }] of store)
        if (key.startsWith(`${this.model}:`) && payload.uid === uid) return live(key);
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [key, { payload }] of store)
        if (key.startsWith(`${this.model}:`) && payload.userCode === userCode) return live(key);
      return undefined;
    }
    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, { payload }] of store) if (payload.grantId === grantId) store.delete(key);
    }
  };
}

interface IdpUser {
  name: string;
  employee_number?: string;
  pvi_roles: string[];
}

export const CLIENT_ID = 'pvi-platform';
export const CLIENT_SECRET = randomBytes(24).toString('base64url');
export const SCOPES = 'openid profile pvi';

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

type InteractionOutcome = { result: Record<string, unknown>; merge: boolean } | { refusal: string };

/** What the person does on an open prompt of the provider. */
async function outcomeOf(
  provider: OidcProvider,
  users: Map<string, IdpUser>,
  details: InteractionDetails,
  action: string,
  form: URLSearchParams,
): Promise<InteractionOutcome> {
  const prompt = details.prompt.name;
  if (action === 'abort') {
    return {
      result: { error: 'access_denied', error_description: 'The user said no.' },
      merge: false,
    };
  }
  if (action === 'login' && prompt === 'login') {
    const login = form.get('login') ?? '';
    return users.has(login)
      ? { result: { login: { accountId: login } }, merge: false }
      : { refusal: 'unknown user' };
  }
  if (action === 'consent' && prompt === 'consent') {
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (!accountId || typeof clientId !== 'string') return { refusal: 'no session' };
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    const { missingOIDCScope = [], missingOIDCClaims = [] } = details.prompt.details;
    if (missingOIDCScope.length) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims.length) grant.addOIDCClaims(missingOIDCClaims);
    return { result: { consent: { grantId: await grant.save() } }, merge: true };
  }
  return { refusal: `cannot ${action} at prompt ${prompt}` };
}

/**
 * The provider's own pages: `GET /interaction/:uid` says which prompt is open,
 * `POST /interaction/:uid/login` (form field `login`) signs a user in,
 * `POST /interaction/:uid/consent` grants what the client asked for, `POST /interaction/:uid/abort` refuses.
 */
async function interaction(
  provider: OidcProvider,
  users: Map<string, IdpUser>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const [, , uid, action = ''] = new URL(req.url ?? '/', 'http://idp.invalid').pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || req.method !== (action ? 'POST' : 'GET')) {
    sendJson(res, 400, { error: 'not this interaction' });
  } else if (!action) {
    sendJson(res, 200, { uid, prompt: details.prompt.name });
  } else {
    const outcome = await outcomeOf(provider, users, details, action, await readForm(req));
    if ('refusal' in outcome) sendJson(res, 400, { error: outcome.refusal });
    else
      await provider.interactionFinished(req, res, outcome.result, {
        mergeWithLastSubmission: outcome.merge,
      });
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** Starts oidc-provider on a free port of 127.0.0.1, with one confidential client. */
export async function startIdentityProvider(redirectUri: () => string) {
  const Provider = await loadProvider();
  const users = new Map<string, IdpUser>();
  let ready: {
    provider: OidcProvider;
    handle: (req: IncomingMessage, res: ServerResponse) => void;
  } | null = null;
  const server = createServer((req, res) => {
    if (!ready) {
      sendJson(res, 503, { error: 'starting' });
    } else if (req.url?.startsWith('/interaction/')) {
      interaction(ready.provider, users, req, res).catch((error: unknown) => {
        sendJson(res, 500, { error: String(error) });
      });
    } else {
      ready.handle(req, res);
    }
  });
  const issuer = `http://127.0.0.1:${await listen(server)}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri()],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // `profile` and the custom `pvi` scope release these claims. With the default
    // conformIdTokenClaims the ID token of a code flow carries none of them: they come from UserInfo.
    claims: { openid: ['sub'], profile: ['name'], pvi: ['employee_number', 'pvi_roles'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      return user ? { accountId: sub, claims: () => ({ sub, ...user }) } : undefined;
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    renderError: (ctx: { type: string; body: unknown }, out: unknown) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  ready = { provider, handle: provider.callback() };
  return {
    issuer,
    users,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser: fetch, cookies, manual redirects.

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** Cookies per origin, with RFC 6265 path matching and expiry by Max-Age/Expires. */
export class CookieJar {
  private readonly byOrigin = new Map<string, StoredCookie[]>();

  store(url: URL, response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eqAt = pair.indexOf('=');
      const name = pair.slice(0, eqAt);
      const value = pair.slice(eqAt + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=', 2);
        if (key.toLowerCase() === 'path' && val.startsWith('/')) path = val;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      }
      const list = (this.byOrigin.get(url.origin) ?? []).filter(
        (c) => !(c.name === name && c.path === path),
      );
      if (!expired) list.push({ name, value, path });
      this.byOrigin.set(url.origin, list);
    }
  }

  header(url: URL): string {
    const matches = (path: string) =>
      url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
    return (this.byOrigin.get(url.origin) ?? [])
      .filter((c) => matches(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.find((c) => c.name === name)?.value;
  }
}

export async function browse(
  jar: CookieJar,
  url: URL,
  init: { method?: string; form?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {};
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: 'manual',
  });
  jar.store(url, response);
  const location = response.headers.get('location');
  return { response, location: location ? new URL(location, url) : null };
}
