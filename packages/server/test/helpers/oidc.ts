/// <reference path="./oidc-provider.d.ts" />
/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for the SSO tests,
 * with a test client and test users. Its login "page" signs in whichever user the test names,
 * so a test drives the whole browser flow over HTTP. A test can also have the token endpoint's
 * ID token changed and re-signed (with the provider's key or another), standing for a provider
 * or a network that returns a token Haven must refuse.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims by account id (`sub`). */
  users: Map<string, Record<string, unknown>>;
  /** Who the login step signs in, and the `amr` it reports. */
  nextUser: string;
  amr: string[];
  /** How long an authorization code lives, in seconds. */
  codeTtlSeconds: number;
  /** Changes the ID token's claims before it leaves the token endpoint; `otherKey` signs with a key not in the JWKS. */
  tamper: { claims?: (claims: Record<string, unknown>) => void; otherKey?: boolean } | null;
  close(): Promise<void>;
}

function rsaKey(kid: string): { jwk: Record<string, unknown>; privateKey: KeyObject } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { jwk: { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }, privateKey };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function resign(idToken: string, key: KeyObject, kid: string, change?: (c: Record<string, unknown>) => void) {
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
  change?.(claims);
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const signing = rsaKey('test-idp-key');
  const other = rsaKey('someone-elses-key');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idp: TestIdp = {
    issuer,
    clientId: 'haven-test-client',
    clientSecret: 'a-test-client-secret-of-enough-length',
    users: new Map(),
    nextUser: '',
    amr: ['pwd'],
    codeTtlSeconds: 60,
    tamper: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signing.jwk] },
    cookies: { keys: ['test-idp-cookie-key'] },
    scopes: ['openid', 'email', 'profile'],
    // `amr` with `openid`, so every ID token says how the user signed in (as Entra's do).
    claims: {
      sid: null,
      openid: ['sub', 'amr', 'acr', 'auth_time'],
      email: ['email', 'email_verified', 'hd', 'tid'],
      profile: ['name'],
    },
    // The claims go in the ID token itself, as Google and Entra put them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      AuthorizationCode: () => idp.codeTtlSeconds,
      IdToken: 3600,
      AccessToken: 3600,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const claims = idp.users.get(sub);
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && ctx.status === 200 && body?.id_token && idp.tamper) {
      const key = idp.tamper.otherKey ? other : signing;
      body.id_token = resign(body.id_token, key.privateKey, String(key.jwk.kid), idp.tamper.claims);
    }
  });

  const handle = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    // The login page: signs in the user the test named, and grants what the client asked for.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = idp.nextUser;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, amr: idp.amr }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: Error) => {
      res.statusCode = 500;
      res.end(error.message);
    });
  });
  return idp;
}

/** Cookies for one origin, as a browser keeps them (path and expiry are enough for these tests). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone =
        value === '' ||
        attributes.some((a) => {
          const [k = '', v = ''] = a.split('=').map((s) => s.trim());
          return (
            (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
            (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
          );
        });
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string): Promise<Response> {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: this.header() } });
    this.take(res);
    return res;
  }
}
