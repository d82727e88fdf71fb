/**
 * The API describes itself (OpenAPI 3 at /api/openapi.json) and reports its health. The route
 * lists the other HTTP tests walk (test/helpers/routes.ts) are checked against the document
 * here, both ways, so a route added to the server without tests is noticed.
 */
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';
import { GATEWAY_ROUTES, OTHER_GET_ROUTES, SCHOOL_ROUTES, STATE_CHANGING_ROUTES } from '../helpers/routes.ts';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        parameters?: { name: string; in: string; required?: boolean }[];
        requestBody?: {
          content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }>;
        };
      }
    >
  >;
}

/** `POST /api/schools/:schoolId/people` as OpenAPI writes it: `post /api/schools/{schoolId}/people`. */
const asOpenApi = (name: string) => {
  const [method, path] = name.split(' ') as [string, string];
  return `${method.toLowerCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;
};

forEachHaven('OpenAPI document and health check', (t) => {
  const load = async () => {
    const res = await new TestBrowser(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/json');
    return res.json() as OpenApiDocument;
  };

  const operations = (doc: OpenApiDocument) =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
      .sort();

  it('is OpenAPI 3 describing the Haven API', async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Haven API');
    expect(doc.info.version).toBe('0.1.0');
    expect(doc.info.description).toMatch(/x-csrf-token/);
  });

  it('lists exactly the routes the HTTP tests cover (no untested route, no stale test route)', async () => {
    const doc = await load();
    const tested = [...SCHOOL_ROUTES, ...STATE_CHANGING_ROUTES]
      .map((r) => r.name)
      .concat(OTHER_GET_ROUTES, GATEWAY_ROUTES)
      .map(asOpenApi);
    expect(operations(doc)).toEqual([...new Set(tested)].sort());
    expect(operations(doc)).toHaveLength(112);
    // The document itself is not listed.
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('gives every operation a summary, and every {param} a required path parameter', async () => {
    const doc = await load();
    for (const [path, methods] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/'))) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
          const declared = op.parameters?.find((p) => p.name === param && p.in === 'path');
          expect(declared, `${method} ${path} {${param}}`).toBeDefined();
          expect(declared?.required).toBe(true);
        }
      }
    }
  });

  it('describes the request bodies from the same schemas the server validates with', async () => {
    const doc = await load();
    const people =
      doc.paths['/api/schools/{schoolId}/people']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(people?.properties ?? {}).sort()).toEqual(
      ['className', 'email', 'familyName', 'givenName', 'kind', 'yearGroup'].sort(),
    );
    expect(people?.required?.sort()).toEqual(['familyName', 'givenName', 'kind']);
    const signIn = doc.paths['/api/session']?.post?.requestBody?.content['application/json']?.schema;
    expect(signIn?.required?.sort()).toEqual(['email', 'password']);
    const approval =
      doc.paths['/api/schools/{schoolId}/policy/versions/{versionId}/approval']?.post?.requestBody?.content[
        'application/json'
      ]?.schema;
    expect(approval?.required?.sort()).toEqual(['approvedBy', 'approvedOn']);
  });

  it('GET /api/health: status ok, the database dialect, the version; no sign-in needed', async () => {
    const res = await new TestBrowser(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.dialect, version: '0.1.0' });
    expect(t.haven.dialect).toBe(t.dialect);
  });

  it('sends the security headers on API answers, errors included', async () => {
    const browser = new TestBrowser(t.app);
    for (const url of ['/api/health', '/api/session', '/api/nope', '/api/schools/x/overview']) {
      const res = await browser.get(url);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });

  it('keeps an intact audit chain', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
  });
});
