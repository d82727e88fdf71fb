import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../src/filter/categories.ts';
import { compileGroups } from '../src/filter/compile.ts';
import {
  decide,
  explain,
  type ListLookup,
  overridable,
  PreparedFilter,
  policyReference,
} from '../src/filter/decide.ts';
import { DOH_CANARY, safeSearchTarget } from '../src/filter/safe-search.ts';
import { defaultFilterSettings, type FilterSettings, filterSettings } from '../src/filter/settings.ts';
import { type ActiveException, buildSnapshot, filterSnapshot } from '../src/filter/snapshot.ts';
import { instantOf } from '../src/filter/timetable.ts';
import { template } from '../src/policy/templates/index.ts';

/** Lists as plain data: the index itself is tested in filter-domain-index.test.ts. */
function lists(entries: Record<string, CategoryId[]>, illegal: string[] = []): ListLookup {
  const suffixes = (host: string) => host.split('.').map((_, i, parts) => parts.slice(i).join('.'));
  return {
    categorise(host) {
      for (const s of suffixes(host)) {
        const c = entries[s];
        if (c) return { categories: c, matched: s };
      }
      return null;
    },
    illegal: (host) => suffixes(host).some((s) => illegal.includes(s)),
  };
}

const LISTS = lists(
  {
    'facebook.com': ['social-media'],
    'bet.example': ['gambling'],
    'porn.example': ['pornography'],
    'shop.example': ['shopping'],
    'games.example': ['gaming'],
    'edugames.example': ['gaming-educational'],
    'proxy.example': ['bypass'],
    'drugs.example': ['drugs'],
    'mail.example': ['webmail'],
    'warez.example': ['piracy'],
    'child.example': ['child-abuse'],
  },
  ['iwf-listed.example'],
);

function prepared(
  id: string,
  opts: { settings?: Partial<FilterSettings>; exceptions?: ActiveException[] } = {},
) {
  const doc = template(id)!;
  const settings = filterSettings.parse({ ...defaultFilterSettings(doc), ...opts.settings });
  const snapshot = buildSnapshot({
    school: { id, name: doc.school.name },
    policy: doc,
    policyVersion: 1,
    settings,
    exceptions: opts.exceptions ?? [],
    generatedAt: new Date('2026-11-23T09:00:00Z'),
  });
  expect(filterSnapshot.safeParse(snapshot).success).toBe(true);
  return new PreparedFilter(snapshot);
}

const LESSON = instantOf('Europe/London', '2026-11-23T11:00');
const LUNCH = instantOf('Europe/London', '2026-11-23T12:30');

function check(filter: PreparedFilter, group: string, host: string, at = LESSON, user: string | null = null) {
  const d = decide(filter, LISTS, { group, host, at, user });
  return { d, reason: explain(filter, d), policy: policyReference(d) };
}

describe('groups from the phase (R000-076, R003-067)', () => {
  it.each([
    ['milford-haven', ['ks3', 'ks4', 'sixth-form', 'staff', 'guests']],
    ['wsapc', ['ks3', 'ks4', 'staff', 'guests']],
    ['primary-advantage', ['ks1', 'ks2', 'staff', 'guests']],
    ['westover', ['ks1', 'ks2', 'staff', 'guests']],
    ['st-john-payne', ['ks3', 'ks4', 'staff', 'guests']],
  ])('%s', (id, groups) => {
    expect(prepared(id).groups.map((g) => g.id)).toEqual(groups);
  });
  it('Reception joins Key Stage 1 where the school has both (Westover)', () => {
    expect(prepared('westover').group('ks1')!.group).toMatchObject({
      name: 'Key Stage 1 and Reception',
      keyStages: ['eyfs', 'ks1'],
    });
  });
});

describe('Milford Haven: both matrices, the more restrictive governs (R000-115)', () => {
  const f = prepared('milford-haven');

  it('pupils: social media is SP in the communications matrix and CT in user actions: SP governs, both cited', () => {
    const { d, reason, policy } = check(f, 'ks3', 'www.facebook.com', LUNCH);
    expect(d.action).toBe('block');
    expect(d.rule!.effect).toBe('staff-permission');
    expect(policy).toEqual({ matrix: 'communications', row: 'Use of social media', value: 'SP' });
    expect(reason).toContain('staff permission');
    expect(reason).toContain('the user actions matrix, "Use of social media": acceptable at certain times');
  });

  it('staff: social media is CT in both: blocked in lessons, allowed at lunch', () => {
    expect(check(f, 'staff', 'facebook.com', LESSON).d.action).toBe('block');
    const lunch = check(f, 'staff', 'facebook.com', LUNCH);
    expect(lunch.d.action).toBe('allow');
    expect(lunch.reason).toContain('at lunch');
    expect(lunch.policy).toEqual({
      matrix: 'user-actions',
      row: 'Use of social media',
      value: 'certain-times',
    });
  });

  it('educational gaming is certain times for everyone; non-educational gaming is unacceptable', () => {
    expect(check(f, 'ks4', 'edugames.example', LESSON).d.action).toBe('block');
    expect(check(f, 'ks4', 'edugames.example', LUNCH).d.action).toBe('allow');
    const games = check(f, 'ks4', 'games.example', LUNCH);
    expect(games.d.action).toBe('block');
    expect(games.policy?.value).toBe('unacceptable');
  });

  it('shopping is for nominated users; a nominated user is allowed', () => {
    const row = 'user-actions/shopping-commerce';
    const g = prepared('milford-haven', {
      settings: { nominations: [{ row, groups: [], users: ['bursar'] }] },
    });
    expect(check(g, 'staff', 'shop.example', LESSON, 'teacher1').d.action).toBe('block');
    const bursar = check(g, 'staff', 'shop.example', LESSON, 'bursar');
    expect(bursar.d.action).toBe('allow');
    expect(bursar.reason).toContain('is nominated');
  });

  it('a row the school marks illegal blocks for everyone and flags an alert', () => {
    const { d } = check(f, 'staff', 'warez.example', LUNCH);
    expect(d).toMatchObject({ action: 'block', alert: 'policy-illegal' });
    expect(overridable(d)).toBe(false);
  });

  it('filter bypass is blocked and alerts (R003-133)', () => {
    const { d, policy } = check(f, 'sixth-form', 'proxy.example');
    expect(d).toMatchObject({ action: 'block', alert: 'bypass' });
    expect(policy).toEqual({
      matrix: 'user-actions',
      row: 'Using systems, applications, websites or other mechanisms that bypass the filtering or other safeguards employed by the school',
      value: 'unacceptable',
    });
  });
});

describe('WSAPC: nominated users from the policy sentence (R003-128, R003-132)', () => {
  const f = prepared('wsapc');
  it('staff are nominated for social media by the private-social-media sentence; pupils are not', () => {
    expect(check(f, 'staff', 'facebook.com').d.action).toBe('allow');
    const pupils = check(f, 'ks4', 'facebook.com', LUNCH);
    expect(pupils.d.action).toBe('block');
    expect(pupils.reason).toContain('not nominated');
  });
  it('shopping is allowed at certain times only', () => {
    expect(check(f, 'ks3', 'shop.example', LESSON).d.action).toBe('block');
    expect(check(f, 'ks3', 'shop.example', LUNCH).d.action).toBe('allow');
  });
});

describe('prose-only policies (Primary Advantage, Westover, St John Payne)', () => {
  it('Primary Advantage blocks social networking for pupils, citing its sentence (R001-103)', () => {
    const { d, policy } = check(prepared('primary-advantage'), 'ks2', 'facebook.com', LUNCH);
    expect(d.action).toBe('block');
    expect(policy?.matrix).toBe('prose-rules');
  });
  it('categories the policy is silent on fall back to the baseline with no policy clause', () => {
    const { d, reason, policy } = check(prepared('westover'), 'ks2', 'drugs.example');
    expect(d.action).toBe('block');
    expect(policy).toBeNull();
    expect(reason).toContain('UK Safer Internet Centre');
  });
  it('operational categories the policy is silent on are allowed', () => {
    const { d, policy } = check(prepared('st-john-payne'), 'ks3', 'facebook.com');
    expect(d.action).toBe('allow');
    expect(policy).toBeNull();
  });
});

describe('illegal content cannot be unblocked (R000-073, R003-063)', () => {
  const everything: ActiveException[] = [
    {
      id: 'ex-1',
      target: { kind: 'host', host: 'iwf-listed.example' },
      scope: { kind: 'group', group: 'staff' },
      from: '2026-11-01T00:00:00Z',
      until: '2026-12-01T00:00:00Z',
      reason: 'x',
      approvedBy: 'head',
    },
    {
      id: 'ex-2',
      target: { kind: 'category', category: 'child-abuse' },
      scope: { kind: 'group', group: 'staff' },
      from: '2026-11-01T00:00:00Z',
      until: '2026-12-01T00:00:00Z',
      reason: 'x',
      approvedBy: 'head',
    },
  ];
  const standing = [
    {
      id: 'allow-all',
      action: 'allow' as const,
      host: 'iwf-listed.example',
      reason: 'x',
      by: 'nm',
      at: '2026-11-01T00:00:00Z',
    },
  ];
  const f = prepared('milford-haven', { exceptions: everything, settings: { standing } });
  it('an illegal-list host is blocked despite an exception and a standing allow, and alerts', () => {
    const { d, reason } = check(f, 'staff', 'sub.iwf-listed.example');
    expect(d).toMatchObject({ action: 'block', kind: 'illegal-list', alert: 'illegal-list' });
    expect(policyReference(d)).toBeNull();
    expect(reason).not.toContain('iwf-listed');
    expect(overridable(d)).toBe(false);
  });
  it('a child-abuse category hit is blocked despite a category exception', () => {
    expect(check(f, 'staff', 'child.example').d).toMatchObject({ action: 'block', alert: 'policy-illegal' });
  });
  it('every group compiles the illegal categories as illegal', () => {
    const doc = template('westover')!;
    for (const g of compileGroups(doc, defaultFilterSettings(doc))) {
      expect(g.rules['child-abuse']?.effect).toBe('illegal');
      expect(g.rules.terrorism?.effect).toBe('illegal');
    }
  });
});

describe('exceptions (R000-055, R002-039)', () => {
  const exception: ActiveException = {
    id: 'ex-drugs',
    target: { kind: 'category', category: 'drugs' },
    scope: { kind: 'group', group: 'ks4' },
    from: '2026-11-23T00:00:00Z',
    until: '2026-11-24T00:00:00Z',
    reason: 'PSHE: drugs education',
    approvedBy: 'esafety',
  };
  const f = prepared('milford-haven', { exceptions: [exception] });
  it('unblocks the category for the group within its window, and says so', () => {
    const { d, reason } = check(f, 'ks4', 'drugs.example');
    expect(d).toMatchObject({ action: 'allow', kind: 'exception' });
    expect(d.exception?.id).toBe('ex-drugs');
    expect(reason).toContain('PSHE: drugs education');
  });
  it('not for another group, and not once it has ended', () => {
    expect(check(f, 'ks3', 'drugs.example').d.action).toBe('block');
    expect(check(f, 'ks4', 'drugs.example', new Date('2026-11-24T00:00:00Z')).d.action).toBe('block');
  });
  it('a host exception for a user covers that user only', () => {
    const g = prepared('milford-haven', {
      exceptions: [
        {
          ...exception,
          id: 'ex-host',
          target: { kind: 'host', host: 'facebook.com' },
          scope: { kind: 'user', user: 'p1' },
        },
      ],
    });
    expect(check(g, 'ks3', 'www.facebook.com', LESSON, 'p1').d.kind).toBe('exception');
    expect(check(g, 'ks3', 'www.facebook.com', LESSON, 'p2').d.action).toBe('block');
  });
});

describe('standing entries, unknown names, the DoH canary', () => {
  const standing = [
    {
      id: 'b',
      action: 'block' as const,
      host: 'example.org',
      reason: 'Phishing wave',
      by: 'nm',
      at: '2026-11-01T00:00:00Z',
    },
    {
      id: 'a',
      action: 'allow' as const,
      host: 'ok.example.org',
      reason: 'Exam board',
      by: 'nm',
      at: '2026-11-01T00:00:00Z',
    },
  ];
  const f = prepared('milford-haven', { settings: { standing } });
  it('a standing block applies to the domain and its hosts; a more specific allow wins', () => {
    expect(check(f, 'staff', 'www.example.org').d).toMatchObject({ action: 'block', kind: 'standing-block' });
    const ok = check(f, 'staff', 'a.ok.example.org');
    expect(ok.d).toMatchObject({ action: 'allow', kind: 'standing-allow' });
    expect(ok.reason).toContain('Exam board');
  });
  it('an uncategorised host is allowed with no policy clause', () => {
    const { d, policy } = check(f, 'ks3', 'bbc.co.uk');
    expect(d.kind).toBe('uncategorised');
    expect(policy).toBeNull();
  });
  it('an unknown group is blocked, not waved through', () => {
    expect(check(f, 'nobody', 'bbc.co.uk').d).toMatchObject({ action: 'block', kind: 'unknown-group' });
  });
  it('the Firefox DoH canary is refused', () => {
    expect(check(f, 'staff', DOH_CANARY).d.kind).toBe('doh-canary');
  });
});

describe('safe search per group (R001-086, R001-087, R004-066)', () => {
  const f = prepared('primary-advantage');
  it('pupils get enforced safe search and strict YouTube; staff do not', () => {
    expect(f.safeSearch('ks1', 'www.google.co.uk')).toBe('forcesafesearch.google.com');
    expect(f.safeSearch('ks1', 'www.bing.com')).toBe('strict.bing.com');
    expect(f.safeSearch('ks1', 'duckduckgo.com')).toBe('safe.duckduckgo.com');
    expect(f.safeSearch('ks1', 'www.youtube.com')).toBe('restrict.youtube.com');
    expect(f.safeSearch('staff', 'www.google.com')).toBeNull();
    expect(f.safeSearch('staff', 'www.youtube.com')).toBeNull();
  });
  it('moderate YouTube for secondary pupils', () => {
    expect(safeSearchTarget('m.youtube.com', { safeSearch: true, youtube: 'moderate' })).toBe(
      'restrictmoderate.youtube.com',
    );
    expect(safeSearchTarget('www.googleusercontent.com', { safeSearch: true, youtube: 'strict' })).toBeNull();
  });
});

describe('client addresses to groups', () => {
  const f = prepared('milford-haven', {
    settings: {
      networks: [
        { cidr: '10.1.0.0/16', group: 'ks3' },
        { cidr: '10.1.5.0/24', group: 'sixth-form' },
        { cidr: '10.9.0.0/16', group: 'staff' },
        { cidr: 'fd00:1::/64', group: 'ks4' },
      ],
    },
  });
  it('the longest prefix wins; unknown addresses get the default group', () => {
    expect(f.identify('10.1.2.3', 0).group).toBe('ks3');
    expect(f.identify('10.1.5.9', 0).group).toBe('sixth-form');
    expect(f.identify('10.9.0.1', 0).group).toBe('staff');
    expect(f.identify('fd00:1::42', 0).group).toBe('ks4');
    expect(f.identify('192.168.1.1', 0).group).toBe('guests');
  });
  it('settings that name a group that does not exist are refused', () => {
    const doc = template('milford-haven')!;
    const r = filterSettings.safeParse({
      ...defaultFilterSettings(doc),
      networks: [{ cidr: '10.0.0.0/33', group: 'nope' }],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['networks.0.cidr', 'networks.0.group']),
    );
  });
  it('settings cannot carry a switch for the illegal lists', () => {
    const doc = template('milford-haven')!;
    const r = filterSettings.safeParse({ ...defaultFilterSettings(doc), illegalLists: false });
    expect(r.success).toBe(false);
  });
});
