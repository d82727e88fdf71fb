import { describe, expect, it } from 'vitest';
import { MATRIX_NAMES, matricesOf, matrixView } from '../../src/policy/matrix-view.ts';
import { policyDocument } from '../../src/policy/schema.ts';
import { westover } from '../../src/policy/templates/westover.ts';
import { validatePolicy } from '../../src/policy/validate.ts';
import { cellsOf, isMarked, SEEDS_MISSING_MESSAGE, seedLines } from '../seed-text.ts';

const SEED = '002_40e16c7ed3df90b5.txt';
const policy = policyDocument.parse(westover);

function role(id: string) {
  const r = policy.roles.find((x) => x.id === id);
  if (!r) throw new Error(`no role "${id}"`);
  return r;
}
function rule(id: string) {
  const r = policy.proseRules.find((x) => x.id === id);
  if (!r) throw new Error(`no prose rule "${id}"`);
  return r;
}

describe('westover template: validation and contract', () => {
  it('validates against the policy schema', () => {
    const result = validatePolicy(westover);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.ok).toBe(true);
    expect(policy.id).toBe('westover');
    expect(policy.seed).toBe(SEED);
  });

  it('has no matrices: the seed has no tables, and matricesOf is empty', () => {
    expect(policy.matrices).toEqual({});
    expect(matricesOf(policy)).toEqual([]);
    for (const name of Object.keys(MATRIX_NAMES) as (keyof typeof MATRIX_NAMES)[])
      expect(matrixView(policy, name)).toBeNull();
  });
});

describe('westover template: hand-written expectations', () => {
  it('R002-001 records the title, author, approval and review date as written', () => {
    expect(policy.title).toBe('Westover Primary School E-Safety Policy');
    expect(policy.preparedBy).toBe('Westover Primary School Headship Team');
    expect(policy.review.approvals).toEqual([
      { body: 'Westover Primary School Governing Body', on: '2018-01-09', asWritten: '9 th January 2018' },
    ]);
    expect(policy.review.nextReviewAsWritten).toBe('Spring 2019');
    expect(policy.review.nextReview).toBe('2019-01-01');
    expect(policy.review.intervalMonths).toBeNull();
    expect(policy.readings.some((r) => r.reading.includes('Spring 2019'))).toBe(true);
  });

  it('records the school: an English primary', () => {
    expect(policy.school.name).toBe('Westover Primary School');
    expect(policy.school.phase).toBe('primary');
    expect(policy.school.country).toBe('england');
    expect(policy.school.keyStages).toEqual(['eyfs', 'ks1', 'ks2']);
    expect(policy.school.languages).toEqual(['en']);
  });

  it('R002-002 links the four policies it is read with', () => {
    const titles = policy.linkedPolicies.map((p) => p.title);
    for (const t of [
      'Anti-bullying Policy',
      'Behaviour Management Policy',
      'Social Media Policy',
      'Safeguarding and Child Protection Policy',
    ])
      expect(titles).toContain(t);
  });

  it('R002-004 records a scope covering the whole community in and out of school', () => {
    expect(policy.scope).toMatch(/community users/);
    expect(policy.scope).toMatch(/out of school/);
  });

  it('R002-006 names the Appendix 1 holders with their titles', () => {
    const holders = policy.roles
      .filter((r) => r.holders.length > 0)
      .map((r) => [r.title, r.holders.map((h) => h.name)]);
    expect(holders).toEqual([
      ['Headteacher/DSL/E-Safety Officer', ['Anthony Martin']],
      ['Deputy Headteacher/DDS', ['Neelam Nadkarni']],
      ['Assistant Headteacher/DDS', ['Nicola Fry']],
      ['E-Safety Governor', ['Marion Moffat']],
      ['Network Manager/Technical Staff', ['Daniel Blades']],
    ]);
  });

  it('R002-003 R002-016 the Headteacher is DSL and E-Safety Officer, supported by the two deputies', () => {
    const head = role('headteacher-dsl-e-safety-officer');
    expect(head.kinds).toEqual(['headteacher', 'dsl', 'online-safety-lead']);
    expect(head.deputies.map((d) => d.name)).toEqual(['Neelam Nadkarni', 'Nicola Fry']);
    expect(role('deputy-headteacher-dds').kinds).toContain('deputy-dsl');
    expect(role('assistant-headteacher-dds').kinds).toContain('deputy-dsl');
    expect(role('deputy-headteacher-dds').holders[0]?.note).toContain('Nakarni');
    const headship = policy.committees.find((c) => c.id === 'headship-team')!;
    expect(headship.members).toEqual([
      'headteacher-dsl-e-safety-officer',
      'deputy-headteacher-dds',
      'assistant-headteacher-dds',
    ]);
  });

  it('R002-008 R002-009 records the E-Safety Governor role', () => {
    const gov = role('e-safety-governor');
    expect(gov.kinds).toEqual(['online-safety-governor']);
    expect(gov.responsibilities).toHaveLength(4);
  });

  it('every role has a source and responsibilities', () => {
    for (const r of policy.roles) {
      expect(r.source.seed).toBe(SEED);
      expect(r.source.line).toBeGreaterThan(0);
      expect(r.responsibilities.length).toBeGreaterThan(0);
    }
  });

  it('R002-047 records the policy working group', () => {
    const group = policy.committees.find((c) => c.kind === 'working-group')!;
    expect(group.members).toEqual([
      'headteacher-dsl-e-safety-officer',
      'deputy-headteacher-dds',
      'assistant-headteacher-dds',
      'governors',
    ]);
  });

  it('R002-048 lists the impact-monitoring methods', () => {
    expect(policy.impactMonitoring.map((i) => i.method)).toEqual([
      'Logs of reported incidents',
      'Monitoring logs of internet activity (including sites visited)',
      'Internal monitoring data for network activity',
      'Surveys/questionnaires of students, parents/carers and staff',
    ]);
  });

  it('R002-040 lists the 7 police-reportable content items', () => {
    expect(policy.policeReportable.map((p) => p.text)).toEqual([
      'Images of child abuse (images of children whether they are digital or cartoons, apparently under 16 years old, involved in sexual activity or posed to be sexually provocative)',
      'Adult material that potentially breaches the Obscene Publications Act in the UK',
      'Criminally racist or anti-religious material',
      'Violence and bomb making',
      'Illegal taking or promotion of drugs',
      'Software piracy',
      'Other criminal activity',
    ]);
  });

  it('R002-041 records the 8 verb-form bullets as prohibited uses, not police referrals', () => {
    expect(policy.prohibitedUses).toHaveLength(8);
    expect(policy.prohibitedUses.map((p) => p.source.line)).toEqual([157, 158, 159, 161, 162, 163, 164, 171]);
    expect(policy.prohibitedUses[0]?.text).toMatch(/private business/);
    expect(policy.prohibitedUses[7]?.text).toMatch(/intimidate/);
  });

  it('R002-037 R002-038 records the prohibited-content list as prose rules with categories', () => {
    expect(rule('no-indecent-images-of-children')).toMatchObject({
      kind: 'filtering',
      audience: 'all-users',
      value: 'illegal',
      categories: ['child-abuse'],
    });
    expect(rule('no-promoting-discrimination')).toMatchObject({
      value: 'unacceptable',
      categories: ['discrimination'],
    });
    expect(rule('no-promoting-racial-religious-hatred')).toMatchObject({
      value: 'unacceptable',
      categories: ['hate-speech'],
    });
    expect(rule('no-promoting-illegal-acts').value).toBe('unacceptable');
    expect(rule('no-offensive-information').value).toBe('unacceptable');
  });

  it('R002-039 pre-planned curricular access is allowed only at recorded times', () => {
    expect(rule('planned-curricular-access')).toMatchObject({
      kind: 'filtering',
      audience: 'pupils',
      value: 'certain-times',
    });
  });

  it('R002-027 records the mobile, communication, device and community-user rules', () => {
    expect(rule('mobile-no-inappropriate-materials')).toMatchObject({
      kind: 'device',
      value: 'unacceptable',
    });
    expect(rule('staff-communications-official-systems')).toMatchObject({
      kind: 'communication',
      audience: 'staff',
      value: 'unacceptable',
    });
    expect(rule('school-devices-at-home').kind).toBe('device');
    expect(rule('community-users-sign-aua').audience).toBe('guests');
    for (const r of policy.proseRules) expect(r.source.quote.length).toBeGreaterThan(0);
  });

  it('names the external agencies', () => {
    expect(policy.externalAgencies.map((a) => a.name)).toEqual([
      'Police',
      'Other regulatory bodies',
      'CEOP – Child Exploitation and Online Protection',
      'LSCB – Local Safeguarding Children Board',
    ]);
  });

  it('records the readings taken for ambiguous passages', () => {
    const text = policy.readings.map((r) => `${r.where} ${r.reading}`).join('\n');
    for (const needle of [
      'Nakarni',
      'policeReportable',
      'prohibitedUses',
      'Governor/Director',
      'no tables',
      'sanctionsStated',
      'no volunteers audience',
    ])
      expect(text).toContain(needle);
  });
});

describe('westover template: glossary and stated sanctions', () => {
  it('records the five Glossary of Terms entries, term and meaning as the seed gives them', () => {
    expect(policy.glossary.map((g) => [g.term, g.meaning])).toEqual([
      ['ICT', 'Information and Communication Technologies'],
      ['DSL', 'Designated Safeguarding Lead'],
      ['DDS', 'Deputy Designated Safeguarding Lead'],
      ['CEOP', 'Child Exploitation and Online Protection'],
      ['LSCB', 'Local Safeguarding Children Board'],
    ]);
    expect(policy.glossary.map((g) => g.source.line)).toEqual([232, 233, 234, 235, 236]);
    for (const g of policy.glossary) {
      expect(g.source.seed).toBe(SEED);
      expect(g.source.section).toBe('Glossary of Terms');
    }
  });

  it('the glossary agrees with the CEOP and LSCB names in the external agencies', () => {
    const agencies = policy.externalAgencies.map((a) => a.name);
    for (const term of ['CEOP', 'LSCB']) {
      const g = policy.glossary.find((x) => x.term === term)!;
      expect(agencies).toContain(`${g.term} – ${g.meaning}`);
    }
  });

  it('records the four stated sanctions: two for pupils, two for staff and volunteers', () => {
    expect(policy.sanctionsStated.map((s) => [s.audience, s.source.line])).toEqual([
      ['pupils', 190],
      ['pupils', 191],
      ['staff', 194],
      ['staff', 195],
    ]);
    const [discipline, pupilReferral, staffDiscipline, staffReferral] = policy.sanctionsStated;
    expect(discipline?.text).toMatch(/behaviour policy/);
    expect(discipline?.text).toMatch(/internet and email/);
    expect(pupilReferral?.text).toMatch(/Police/);
    expect(staffDiscipline?.text).toMatch(/disciplinary process/);
    expect(staffReferral?.text).toMatch(/Police/);
    for (const s of policy.sanctionsStated) {
      expect(s.source.seed).toBe(SEED);
      expect(s.source.section).toBe('Sanctions');
      expect(s.source.quote?.length).toBeGreaterThan(0);
    }
  });

  it('has no revisions: the seed has no revision table', () => {
    expect(policy.revisions).toEqual([]);
  });

  it('no reading says the glossary or sanctions could not be recorded', () => {
    const text = policy.readings.map((r) => r.reading).join('\n');
    expect(text).not.toMatch(
      /no (glossary|sanctions?) field|cannot be represented|could not be represented/i,
    );
  });
});

/* ------------------------------------------------- seed-text comparisons */

const lines = seedLines(SEED);
if (!lines) console.warn(SEEDS_MISSING_MESSAGE);

function at(n: number | undefined): string {
  return (n === undefined ? undefined : lines?.[n]) ?? '';
}

describe.skipIf(!lines)('westover template against the seed text', () => {
  it('has no tables: every tab-separated line is a label/value pair with no X marks', () => {
    const tabbed = (lines ?? []).filter((l) => l.includes('\t'));
    expect(tabbed.length).toBeGreaterThan(0);
    for (const line of tabbed) {
      const cells = cellsOf(line);
      expect(cells).toHaveLength(2);
      expect(cells.some(isMarked)).toBe(false);
    }
  });

  it('R002-001 header fields as written', () => {
    expect(at(5).trim()).toBe(policy.title);
    expect(cellsOf(at(7))[1]).toBe(policy.preparedBy);
    expect(cellsOf(at(8))[1]).toBe(policy.review.approvals[0]?.body);
    expect(cellsOf(at(9))[1]).toBe(policy.review.approvals[0]?.asWritten);
    expect(cellsOf(at(policy.review.source.line))[1]).toBe(policy.review.nextReviewAsWritten);
  });

  it('R002-006 Appendix 1 holders are as the seed names them', () => {
    for (const id of [
      'headteacher-dsl-e-safety-officer',
      'deputy-headteacher-dds',
      'assistant-headteacher-dds',
      'e-safety-governor',
    ]) {
      const r = role(id);
      const [title, name] = cellsOf(at(r.source.line));
      expect(title).toBe(r.title);
      expect(name).toBe(r.holders[0]?.name);
    }
    expect(cellsOf(at(228))).toEqual(['Network Manager', 'Daniel Blades']);
  });

  it('every role title appears in its source line', () => {
    for (const r of policy.roles) expect(at(r.source.line)).toContain(r.title);
  });

  it('every committee name appears in its source line', () => {
    for (const c of policy.committees)
      expect(at(c.source.line).toLowerCase()).toContain(c.name.toLowerCase());
  });

  it('R002-002 linked policies appear in their source lines', () => {
    for (const p of policy.linkedPolicies) {
      const title = p.title.replace(/ \(.*\)$/, '');
      expect(at(p.source.line)).toContain(title);
    }
  });

  it('R002-040 each police-reportable item is its seed bullet', () => {
    expect(at(148)).toContain('will be reported to the Police');
    for (const item of policy.policeReportable) {
      expect(at(item.source.line).replace(/^\s*-\s*/, '')).toBe(item.text);
    }
  });

  it('R002-041 each prohibited use rests on a verb-form bullet after the police list', () => {
    for (const item of policy.prohibitedUses) {
      const line = at(item.source.line);
      expect(line).toMatch(/^- [A-Z][a-z]+[ ,]/);
      expect(item.source.line).toBeGreaterThan(156);
    }
  });

  it('R002-048 impact-monitoring methods rest on their seed bullets', () => {
    for (const item of policy.impactMonitoring) {
      const seedText = at(item.source.line)
        .replace(/^\s*-\s*/, '')
        .replace(/:$/, '');
      expect(item.method.startsWith(seedText)).toBe(true);
    }
  });

  it('every prose rule quote appears in its source line', () => {
    for (const r of policy.proseRules) expect(at(r.source.line)).toContain(r.source.quote);
  });

  it('each glossary term and meaning equals the seed line cells at its source line', () => {
    expect(at(230)).toBe('Glossary of Terms');
    for (const g of policy.glossary) expect(cellsOf(at(g.source.line))).toEqual([g.term, g.meaning]);
  });

  it('the glossary holds every term/meaning line of the Glossary of Terms table', () => {
    const tableLines = (lines ?? [])
      .map((l, i) => [i, l] as const)
      .filter(([i, l]) => i > 230 && l.includes('\t'))
      .map(([i]) => i);
    expect(policy.glossary.map((g) => g.source.line)).toEqual(tableLines);
  });

  it('each stated sanction rests on a sub-bullet of the Sanctions section, under its audience heading', () => {
    expect(at(183)).toBe('Sanctions');
    expect(at(187)).toContain('the following sanctions will be applied');
    const heading: Record<string, string> = { pupils: '- Student', staff: '- Staff and Volunteers' };
    const headingLine: Record<string, number> = { pupils: 189, staff: 193 };
    for (const [aud, n] of Object.entries(headingLine)) expect(at(n)).toBe(heading[aud]);
    for (const s of policy.sanctionsStated) {
      const line = at(s.source.line);
      expect(line).toMatch(/^ - /);
      expect(line).toContain(s.source.quote);
      // The nearest heading above the sub-bullet is the audience's.
      const start = headingLine[s.audience]!;
      expect(s.source.line).toBeGreaterThan(start);
      for (let n = start + 1; n < (s.source.line ?? 0); n++) expect(at(n)).toMatch(/^ - /);
    }
  });

  it('every sub-bullet of the Sanctions section is recorded', () => {
    const subBullets = (lines ?? [])
      .map((l, i) => [i, l] as const)
      .filter(([i, l]) => i > 187 && i < 197 && l.startsWith(' - '))
      .map(([i]) => i);
    expect(policy.sanctionsStated.map((s) => s.source.line)).toEqual(subBullets);
  });
});
