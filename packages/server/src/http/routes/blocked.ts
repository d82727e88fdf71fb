import { randomBytes } from 'node:crypto';
import { filter } from '@haven/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { getSchoolBySlug } from '../../repositories/schools.ts';
import { filterSnapshotFor } from '../../services/filter-service.ts';

/*
 * The block page for schools that keep Squid: `haven filter helper` redirects a blocked request
 * here with the school, the group and the host. Nothing in the query is shown as given: the page
 * decides again with the school's rules and says what that decision says, so a crafted link can
 * only ever show Haven's own explanation. It needs no sign-in (the person blocked may have none).
 */
const query = z.object({
  school: z.string().regex(/^[a-z0-9-]{1,64}$/),
  group: z.string().regex(/^[a-z0-9-]{1,64}$/),
  host: z.string().min(1).max(253),
  path: z.string().max(4096).optional(),
});

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
};

export function registerBlockedRoute(app: FastifyInstance, haven: Haven): void {
  app.get('/blocked', { schema: { hide: true } }, async (request, reply) => {
    reply.headers(HEADERS).type('text/html; charset=utf-8');
    const notice = (status: number, heading: string, message: string) =>
      reply.status(status).send(filter.renderNoticePage(heading, message));
    const q = query.safeParse(request.query);
    const target = q.success ? filter.parseTarget(q.data.host) : null;
    if (!q.success || !target?.ok)
      return notice(400, 'This page is blocked', 'The school filter blocked this page.');
    const school = await getSchoolBySlug(haven.db, q.data.school);
    const snapshot = school ? await filterSnapshotFor(haven, school.id) : null;
    if (!snapshot) return notice(404, 'This page is blocked', 'The school filter blocked this page.');
    const prepared = new filter.PreparedFilter(snapshot);
    if (!prepared.group(q.data.group))
      return notice(404, 'This page is blocked', 'The school filter blocked this page.');
    const d = filter.decide(prepared, haven.lists.current(), {
      group: q.data.group,
      at: haven.now(),
      host: target.host,
      path: q.data.path ?? null,
    });
    if (d.action === 'allow')
      return notice(200, 'Not blocked now', 'This page is not blocked for you now. Go back and try again.');
    const reference = randomBytes(4).toString('hex').toUpperCase();
    const info = filter.blockPageFor(prepared, d, null, null, reference);
    return reply.status(403).send(filter.renderBlockPage(info));
  });
}
