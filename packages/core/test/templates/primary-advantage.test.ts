import { describe, expect, it } from 'vitest';
import { matricesOf } from '../../src/policy/matrix-view.ts';
import { type PolicyDocument, policyDocument } from '../../src/policy/schema.ts';
import { template } from '../../src/policy/templates/index.ts';
import { primaryAdvantage } from '../../src/policy/templates/primary-advantage.ts';
import { cellsOf, SEEDS_MISSING_MESSAGE, seedLines } from '../seed-text.ts';

const SEED = '001_ad7e64b621ffb9c4.txt';
const policy: PolicyDocument = policyDocument.parse(primaryAdvantage);

function rule(id: string) {
  const r = policy.proseRules.find((p) => p.id === id);
  if (!r) throw new Error(`no prose rule "${id}"`);
  return r;
}

function role(id: string) {
  const r = policy.roles.find((p) => p.id === id);
  if (!r) throw new Error(`no role "${id}"`);
  return r;
}

/** The seed's role titles, in table order (lines 135-152). */
const ROLE_TITLES = [
  'Headteacher',
  'Online safety Co-ordinator / ICT co-ordinator Designated Child Protection Lead',
  'Governors',
  'ICT Co-ordinator',
  'Network Manager/ technician',
  'Admin/Finance / Data Manager',
  'LGfL Nominated contact(s)',
  'Teachers',
  'All staff and volunteers',
  'Pupils',
  'Parents/carers',
  'External groups',
];

describe('primary-advantage template', () => {
  it('validates against the policy schema and is in the registry', () => {
    const result = policyDocument.safeParse(primaryAdvantage);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
    const registered = template('primary-advantage');
    expect(registered?.seed).toBe(SEED);
    expect(registered?.school.name).toBe('Primary Advantage');
  });

  it('R001-003: a primary federation in Hackney, England, with KS1 and KS2', () => {
    expect(policy.id).toBe('primary-advantage');
    expect(policy.title).toBe('Online safety & acceptable use policy');
    expect(policy.school.phase).toBe('primary');
    expect(policy.school.keyStages).toEqual(['ks1', 'ks2']);
    expect(policy.school.country).toBe('england');
    expect(policy.school.localAuthority).toBe('Hackney');
    expect(policy.school.trust?.name).toBe('Primary Advantage Federation');
    // The seed names no member school: no list, one site, and a reading says so.
    expect(policy.school.trust?.schools).toBeUndefined();
    expect(policy.school.sites).toHaveLength(1);
    expect(policy.readings.some((r) => /eight schools/.test(r.reading) && /names none/.test(r.reading))).toBe(
      true,
    );
  });

  it('R001-004: scope covers the whole community, in and out of school and remotely', () => {
    for (const who of [
      'staff',
      'pupils',
      'volunteers',
      'parents',
      'visitors',
      'community users',
      'governors',
    ]) {
      expect(policy.scope).toContain(who);
    }
    expect(policy.scope).toMatch(/remotely/);
  });

  it('R001-006: twelve roles with the seed titles, in table order', () => {
    expect(policy.roles.map((r) => r.title)).toEqual(ROLE_TITLES);
    expect(policy.roles).toHaveLength(12);
    for (const r of policy.roles) {
      expect(r.responsibilities.length, r.id).toBeGreaterThan(0);
      expect(r.source.seed).toBe(SEED);
    }
  });

  it('R001-006: responsibilities are itemised as the table gives them', () => {
    expect(role('headteacher').responsibilities).toHaveLength(13);
    expect(role('online-safety-coordinator').responsibilities).toHaveLength(14);
    expect(role('governors').responsibilities).toHaveLength(5);
    expect(role('ict-coordinator').responsibilities).toHaveLength(2);
    expect(role('all-staff').responsibilities).toHaveLength(11);
    expect(role('pupils').responsibilities).toHaveLength(11);
    expect(role('parents').responsibilities).toHaveLength(5);
    expect(role('external-groups').responsibilities).toHaveLength(3);
  });

  it('R001-007 / R001-022: canonical kinds; no named holders; the Headteacher is SIRO', () => {
    expect(role('headteacher').kinds).toEqual(['headteacher', 'siro']);
    expect(role('online-safety-coordinator').kinds).toEqual(['online-safety-lead', 'dsl', 'ict-coordinator']);
    expect(role('governors').kinds).toContain('online-safety-governor');
    expect(role('network-manager').kinds).toContain('network-manager');
    expect(role('all-staff').kinds).toEqual(['all-staff']);
    expect(role('pupils').kinds).toEqual(['pupils']);
    expect(role('parents').kinds).toEqual(['parents']);
    expect(role('external-groups').kinds).toEqual(['external-groups']);
    expect(role('teachers').kinds).toEqual(['teachers']);
    expect(role('lgfl-nominated-contact').kinds).toEqual(['other']);
    expect(policy.roles.filter((r) => r.kinds.includes('other')).map((r) => r.id)).toEqual([
      'lgfl-nominated-contact',
    ]);
    for (const r of policy.roles) expect(r.holders, r.id).toEqual([]);
  });

  it('R001-038 / R001-031: Central Governing Board, Local Advisory Boards and the online safety governor', () => {
    const ids = policy.committees.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['central-governing-board', 'local-advisory-boards', 'online-safety-governor']),
    );
    expect(policy.committees.find((c) => c.id === 'central-governing-board')?.kind).toBe(
      'governors-committee',
    );
  });

  it('R001-009: review every three years, or on significant change in technology', () => {
    expect(policy.review.intervalMonths).toBe(36);
    expect(policy.review.intervalAsWritten).toBe('every three years');
    expect(policy.review.triggers).toHaveLength(1);
    expect(policy.review.triggers[0]).toMatch(/significant change in the technologies/);
    expect(policy.review.monitoredBy).toMatch(/Online Safety Coordinator/);
  });

  it('R001-002 / R001-011: adopted by the Central Governing Board April 2021, next review April 2024', () => {
    expect(policy.review.approvals).toContainEqual({
      body: 'Central Governing Board',
      on: '2021-04-01',
      asWritten: 'April 2021',
    });
    expect(policy.review.approvals).toContainEqual({
      body: 'Senior Leadership Team',
      on: null,
      asWritten: null,
    });
    expect(policy.review.nextReviewAsWritten).toBe('April 2024');
    expect(policy.review.nextReview).toBe('2024-04-01');
  });

  it('R001-001: the April 2021 revision is recorded in revisions', () => {
    expect(policy.revisions).toHaveLength(1);
    const [rev] = policy.revisions;
    expect(rev?.date).toBe('April 2021');
    expect(rev?.summary).toMatch(/^Reformatted in the current style/);
    expect(rev?.summary).toMatch(/links/);
    expect(rev?.summary).toMatch(/remote-learning/);
    expect(rev?.summary).toMatch(/LGfL online safety policy template/);
    expect(rev?.source).toEqual({ seed: SEED, section: 'Revisions', line: 79 });
    // The sign-off block's "Amended/Updated" date is the same revision.
    expect(rev?.date).toBe(
      policy.review.approvals.find((a) => a.body === 'Central Governing Board')?.asWritten,
    );
  });

  it('no reading says revisions cannot be represented; the revisions reading points at the field', () => {
    const text = policy.readings.map((r) => r.reading).join('\n');
    expect(text).not.toMatch(/no revisions field/);
    expect(policy.readings.find((r) => r.where.startsWith('Revisions table'))?.reading).toMatch(
      /recorded in revisions/,
    );
  });

  it('has no glossary: the seed has no glossary table', () => {
    expect(policy.glossary).toEqual([]);
  });

  it('R001-010: linked policies', () => {
    expect(policy.linkedPolicies.map((p) => p.title)).toEqual(
      expect.arrayContaining([
        'Behaviour Policy',
        'Safeguarding and Child Protection Policy',
        'Social Media & Networking Policy',
        'Asset Disposal Policy',
        'Data Protection & Retention Policy',
        'CCTV Policy',
      ]),
    );
  });

  it('R001-096 / R001-210: police-reportable list includes illegal material and the Appendix 2 triggers', () => {
    const texts = policy.policeReportable.map((p) => p.text).join('\n');
    expect(texts).toMatch(/Suspected illegal material/);
    expect(texts).toMatch(/obscene or hateful material/);
    expect(texts).toMatch(/under 13/);
    expect(policy.policeReportable).toHaveLength(14);
    expect(policy.prohibitedUses).toEqual([]);
  });

  it('has no matrices: the seed gives its rules as sentences', () => {
    expect(matricesOf(policy)).toEqual([]);
    expect(policy.matrices).toEqual({});
  });

  it('prose rules: counts by kind, unique ids, every one cites the seed', () => {
    const byKind = (k: string) => policy.proseRules.filter((r) => r.kind === k).length;
    expect(byKind('filtering')).toBe(17);
    expect(byKind('device')).toBe(40);
    expect(byKind('communication')).toBe(49);
    expect(byKind('conduct')).toBe(30);
    expect(policy.proseRules).toHaveLength(136);
    expect(new Set(policy.proseRules.map((r) => r.id)).size).toBe(136);
    for (const r of policy.proseRules) {
      expect(r.source.seed, r.id).toBe(SEED);
      expect(r.source.line, r.id).toBeGreaterThan(0);
      expect(r.source.quote.length, r.id).toBeGreaterThan(0);
    }
  });

  it('R001-103: chatrooms and social networking blocked for pupils, except educational networks', () => {
    const r = rule('block-social-networking-and-chat');
    expect(r).toMatchObject({ kind: 'filtering', audience: 'pupils', value: 'unacceptable' });
    expect(r.categories).toEqual(['social-media', 'chat']);
    expect(r.except).toMatch(/educational network/);
    expect(r.except).toMatch(/approved learning platform/);
    expect(r.source.line).toBe(336);
  });

  it('R001-104: other social networking unblocked only for a specific purpose', () => {
    expect(rule('unblock-social-networking-for-purpose')).toMatchObject({
      kind: 'filtering',
      audience: 'pupils',
      value: 'certain-times',
      categories: ['social-media'],
    });
  });

  it('R001-098: NetSweeper categories blocked; illegal sites rated illegal', () => {
    const blocked = rule('block-netsweeper-categories');
    expect(blocked.value).toBe('unacceptable');
    expect(blocked.categories).toEqual(['pornography', 'hate-speech', 'discrimination', 'gaming']);
    const illegal = rule('block-illegal-sites');
    expect(illegal.value).toBe('illegal');
    expect(illegal.categories).toEqual(['child-abuse', 'terrorism']);
  });

  it('R001-100: only "web filtering management" staff change the filter', () => {
    expect(rule('filter-changes-web-filtering-management')).toMatchObject({
      kind: 'filtering',
      audience: 'staff',
      value: 'nominated-users',
    });
  });

  it('R001-102: executable downloads are unacceptable for everyone', () => {
    expect(rule('no-executable-downloads')).toMatchObject({ audience: 'all-users', value: 'unacceptable' });
  });

  it('R001-105: music download and shopping blocked for pupils, except approved educational sites', () => {
    const r = rule('block-music-download-and-shopping');
    expect(r).toMatchObject({ kind: 'filtering', audience: 'pupils', value: 'unacceptable' });
    expect(r.categories).toEqual(['shopping', 'file-sharing']);
    expect(r.except).toMatch(/Audio Network/);
  });

  it('R001-106: social networking and newsgroups blocked unless an approved educational purpose', () => {
    const r = rule('block-social-networking-and-newsgroups');
    expect(r.categories).toEqual(['social-media', 'chat']);
    expect(r.except).toMatch(/approved educational purpose/);
  });

  it('R001-112: pupil internet only in supervised sessions', () => {
    expect(rule('pupil-internet-supervised-only')).toMatchObject({
      kind: 'filtering',
      audience: 'pupils',
      value: 'certain-times',
    });
  });

  it('R001-110: staff personal webmail may be blocked', () => {
    expect(rule('staff-personal-webmail-may-be-blocked')).toMatchObject({
      audience: 'staff',
      categories: ['webmail'],
    });
  });

  it('R001-111: only approved or checked webcam sites', () => {
    const r = rule('approved-webcam-sites-only');
    expect(r.categories).toEqual(['video-broadcasting']);
    expect(r.except).toMatch(/approved or checked/);
  });

  it('R001-176: pupil devices are handed in at the office on arrival', () => {
    const r = rule('pupil-devices-handed-in');
    expect(r).toMatchObject({ kind: 'device', audience: 'pupils', value: 'unacceptable' });
    expect(r.source.line).toBe(561);
  });

  it('R001-165: lock-out after 10 minutes idle', () => {
    const r = rule('idle-lockout-10-minutes');
    expect(r).toMatchObject({ kind: 'device', audience: 'staff', value: 'unacceptable' });
    expect(r.statement).toMatch(/10 minutes/);
  });

  it('R001-147 / R001-141: two-factor for critical systems and remote access; OTP for admissions', () => {
    expect(rule('two-factor-critical-systems')).toMatchObject({ kind: 'device', value: 'unacceptable' });
    expect(rule('remote-access-two-factor').except).toMatch(/two-factor/);
    expect(rule('admissions-otp-tag').value).toBe('nominated-users');
  });

  it('R001-145 / R001-188: password rules', () => {
    expect(rule('staff-password-private')).toMatchObject({ kind: 'conduct', audience: 'staff' });
    expect(rule('report-compromised-password').value).toBe('unacceptable');
    expect(rule('staff-no-use-of-others-passwords').value).toBe('unacceptable');
  });

  it('R001-115 / R001-118 / R001-122: restricted pupil email', () => {
    expect(rule('ks1-restricted-email').categories).toEqual(['webmail']);
    expect(rule('pupil-external-mail-safemail-rules').except).toMatch(/SafeMail/);
    expect(rule('pupil-external-email-authorised')).toMatchObject({
      audience: 'pupils',
      value: 'unacceptable',
    });
    // Staff authorisation is optional ("may require"): acceptable.
    expect(rule('staff-external-email-house-style').value).toBe('acceptable');
  });

  it('R001-124: personal data never by ordinary email', () => {
    const r = rule('no-personal-data-by-email');
    expect(r).toMatchObject({ kind: 'communication', audience: 'staff', value: 'unacceptable' });
    expect(r.except).toMatch(/S2S/);
  });

  it('R001-155: staff not online friends with pupils, except with Headteacher approval', () => {
    const r = rule('staff-not-online-friends-with-pupils');
    expect(r).toMatchObject({ kind: 'communication', audience: 'staff', value: 'unacceptable' });
    expect(r.except).toMatch(/Headteacher/);
  });

  it('R001-178: images on personal phones only with the Headteacher’s explicit agreement', () => {
    expect(rule('no-images-on-personal-phones').except).toMatch(/Headteacher/);
  });

  it('R001-181: staff phones at break times; not in teaching except with SLT permission in an emergency', () => {
    expect(rule('staff-phones-at-break').value).toBe('certain-times');
    expect(rule('staff-no-phones-in-teaching').except).toMatch(/senior leadership team/);
  });

  it('R001-151 / R001-150: no names or geodata in published images', () => {
    expect(rule('website-no-pupil-names-in-files').value).toBe('unacceptable');
    expect(rule('no-embedded-geodata').value).toBe('unacceptable');
  });

  it('R001-203: photographing an indecent image of a child is illegal', () => {
    expect(rule('no-photograph-of-indecent-image')).toMatchObject({
      value: 'illegal',
      categories: ['child-abuse'],
    });
  });

  it('records the readings the requirements notes ask for', () => {
    const all = policy.readings.map((r) => `${r.where} ${r.reading}`).join('\n');
    for (const needle of [
      'held by the ICT Co-ordinator or the DSL',
      'Central Governing Board plus one Local Advisory Board',
      'Appendices 3 / 4',
      're-acknowledged every year',
      '10-minute idle lock-out',
      'school-approved systems and devices',
      'SafeMail',
      'Data Protection Act 1998',
      'Recording of plays and events',
      '"DSP" is the DSL',
      '28 days',
      'moderation queue',
      'Deemed consent',
      'KS1 form',
      'single choice',
    ]) {
      expect(all, needle).toContain(needle);
    }
  });
});

const lines = seedLines(SEED);
if (lines === null) console.warn(SEEDS_MISSING_MESSAGE);

describe.skipIf(lines === null)('primary-advantage against the seed text', () => {
  const seed = lines ?? [];

  it('R001-006: every role title starts its seed line, as the first cell', () => {
    for (const r of policy.roles) {
      const line = seed[r.source.line ?? 0] ?? '';
      expect(line.startsWith(r.title), `${r.id} @ ${r.source.line}`).toBe(true);
      expect(cellsOf(line)[0], r.id).toBe(r.title);
    }
  });

  it('every prose rule quote is on its seed line exactly', () => {
    const misses = policy.proseRules
      .filter((r) => !(seed[r.source.line ?? 0] ?? '').includes(r.source.quote))
      .map((r) => `${r.id} @ ${r.source.line}: ${r.source.quote}`);
    expect(misses).toEqual([]);
  });

  it('every other quote (committees, review) is on its seed line exactly', () => {
    const cited = [...policy.committees.map((c) => c.source), policy.review.source];
    for (const s of cited) {
      if (s.quote === undefined) continue;
      expect(seed[s.line ?? 0] ?? '', `${s.section} @ ${s.line}`).toContain(s.quote);
    }
  });

  it('R001-010: linked policies sit on their cited lines', () => {
    const words: Record<string, string> = {
      'Equalities Policy (January 2020)': 'Equalities Policy, January 2020',
      'School communications policy': "school's communications policy",
    };
    for (const p of policy.linkedPolicies) {
      expect(seed[p.source.line ?? 0] ?? '', p.title).toContain(words[p.title] ?? p.title);
    }
  });

  it('R001-001: the revision date is the Revisions table cell at its source line', () => {
    expect(seed[76]).toBe('Revisions');
    expect(cellsOf(seed[78] ?? '')).toEqual(['Date', 'Summary of changes']);
    // Every row of the table (between the header and the next blank line) is recorded.
    const rows: number[] = [];
    for (let n = 79; (seed[n] ?? '').includes('\t'); n++) rows.push(n);
    expect(policy.revisions.map((r) => r.source.line)).toEqual(rows);
    for (const rev of policy.revisions) {
      const cells = cellsOf(seed[rev.source.line ?? 0] ?? '');
      expect(cells).toHaveLength(2);
      expect(cells[0]).toBe(rev.date);
      // The summary is in our words; it names what the seed's summary names.
      for (const word of ['current style', 'links', 'remote learning', 'LGfL online safety policy template'])
        expect(cells[1], word).toContain(word);
    }
    expect(cellsOf(seed[973] ?? '')).toEqual(['Amended/Updated:', policy.revisions[0]?.date]);
  });

  it("the Teachers role row is the seed's Teachers row", () => {
    const r = role('teachers');
    expect(cellsOf(seed[r.source.line ?? 0] ?? '')[0]).toBe('Teachers');
  });

  it('R001-002: the sign-off block gives the dates recorded', () => {
    expect(cellsOf(seed[972] ?? '')).toEqual(['Policy written:', 'January 2018']);
    expect(cellsOf(seed[974] ?? '')).toEqual(['Adopted by Central Governing Board:', 'April 2021']);
    expect(cellsOf(seed[975] ?? '')).toEqual(['Review date', 'April 2024']);
    expect(seed[230]).toContain('every three years');
  });

  it('tab-separated lines are only contents, revisions, roles, Appendix 3, Appendix 7 and sign-off: no matrices', () => {
    const tabbed = seed
      .map((l, i) => [i, l] as const)
      .filter(([, l]) => l.includes('\t'))
      .map(([i]) => i);
    const outside = tabbed.filter(
      (i) =>
        !(i >= 20 && i <= 74) &&
        !(i >= 78 && i <= 79) &&
        !(i >= 134 && i <= 152) &&
        !(i >= 824 && i <= 834) &&
        !(i >= 944 && i <= 975),
    );
    expect(outside).toEqual([]);
  });
});
