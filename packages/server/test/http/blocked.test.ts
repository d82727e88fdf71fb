/**
 * The block page a Squid helper redirects to (`/blocked`): it decides again from the school's
 * rules rather than showing what the link says, needs no sign-in, hides everything about an
 * illegal-list address, and answers bad links with a plain page, not an error trace.
 */
import { beforeAll, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { MapLists } from '../helpers/filter.ts';
import { forEachHaven } from '../helpers/havens.ts';

const lists = new MapLists();
lists.categories.set('bet.example', ['gambling']);
lists.illegalHosts.add('secret-abuse.example');

forEachHaven(
  'the /blocked page for Squid',
  (t) => {
    let demo: DemoResult;
    beforeAll(async () => {
      demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
    });
    const get = (query: string) => t.app.inject({ method: 'GET', url: `/blocked?${query}` });

    it('explains a block with the clause, from the school rules', async () => {
      const res = await get(`school=${demo.school.slug}&group=ks3&host=www.bet.example`);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.body).toContain('gambling');
      expect(res.body).toContain('On-line gambling');
    });

    it('a crafted link cannot make the page say a site is blocked when it is not', async () => {
      const res = await get(`school=${demo.school.slug}&group=ks3&host=bbc.co.uk&category=pornography`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('not blocked');
      expect(res.body).not.toContain('pornography');
    });

    it('an illegal-list address is named nowhere on the page', async () => {
      const res = await get(`school=${demo.school.slug}&group=staff&host=secret-abuse.example`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('secret-abuse');
      expect(res.body).toContain("can't be shown");
    });

    it('bad links get a plain page', async () => {
      for (const q of [
        '',
        'school=nope&group=ks3&host=a.example',
        `school=${demo.school.slug}&group=ks9&host=a.example`,
        `school=${demo.school.slug}&group=ks3&host=a..b`,
      ]) {
        const res = await get(q);
        expect([400, 404]).toContain(res.statusCode);
        expect(res.body).toContain('<!doctype html>');
        expect(res.body).not.toContain('    at ');
      }
    });
  },
  { lists },
);
