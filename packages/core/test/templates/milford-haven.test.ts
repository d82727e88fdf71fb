import { describe, expect, it } from 'vitest';
import { effectiveUserAction, matricesOf, matrixView } from '../../src/policy/matrix-view.ts';
import { COMMUNICATION_CODES, policyDocument, USER_ACTION_VALUES } from '../../src/policy/schema.ts';
import { milfordHaven } from '../../src/policy/templates/milford-haven.ts';
import { validatePolicy } from '../../src/policy/validate.ts';
import { cellsOf, isMarked, SEEDS_MISSING_MESSAGE, seedLines } from '../seed-text.ts';

const SEED = '000_5dc4f1688d9d3a79.txt';
const policy = policyDocument.parse(milfordHaven);
const m = policy.matrices;
const comms = m.communications!;
const ua = m.userActions!;
const pupils = m.pupilSanctions!;
const staff = m.staffSanctions!;

function commsRow(label: string) {
  const row = comms.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no communications row "${label}"`);
  return row;
}
function uaRow(label: string) {
  const row = ua.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no user-actions row "${label}"`);
  return row;
}
function sanctionRow(matrix: typeof pupils, label: string) {
  const row = matrix.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no sanctions row "${label}"`);
  return row;
}
/** The columns a row marks, in column order. */
function marked(matrix: typeof pupils, label: string): string[] {
  const row = sanctionRow(matrix, label);
  return matrix.columns.filter((c) => row.cells[c] === true);
}

describe('milford-haven template: validation and contract', () => {
  it('validates against the policy schema', () => {
    const result = validatePolicy(milfordHaven);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.ok).toBe(true);
    expect(policy.id).toBe('milford-haven');
    expect(policy.seed).toBe(SEED);
  });

  it('has the four seed matrices and no devices matrix', () => {
    expect(matricesOf(policy)).toEqual([
      'communications',
      'user-actions',
      'pupil-sanctions',
      'staff-sanctions',
    ]);
    expect(matrixView(policy, 'devices')).toBeNull();
  });

  it('R000-106 matrixView: communications cells are {staff, pupils}', () => {
    const view = matrixView(policy, 'communications')!;
    expect(view.columns).toEqual(['staff', 'pupils']);
    expect(view.columnLabels).toEqual({ staff: 'Staff & other adults', pupils: 'Students / Pupils' });
    expect(view.rows).toHaveLength(11);
    for (const row of view.rows) {
      expect(Object.keys(row.cells).sort()).toEqual(['pupils', 'staff']);
      for (const v of Object.values(row.cells)) {
        expect(v === null || (COMMUNICATION_CODES as readonly unknown[]).includes(v)).toBe(true);
      }
    }
    expect(view.rows.find((r) => r.id === 'photos-of-work-on-mobile-phones')?.cells).toEqual({
      staff: 'NA',
      pupils: 'SP',
    });
  });

  it('R000-114 matrixView: user-actions cells are {value}', () => {
    const view = matrixView(policy, 'user-actions')!;
    expect(view.columns).toEqual(['value']);
    expect(view.rows).toHaveLength(22);
    for (const row of view.rows) {
      expect(Object.keys(row.cells)).toEqual(['value']);
      expect((USER_ACTION_VALUES as readonly unknown[]).includes(row.cells.value)).toBe(true);
    }
    expect(view.legend).toEqual({
      acceptable: 'Acceptable',
      'certain-times': 'Acceptable at certain times',
      'nominated-users': 'Acceptable for nominated users',
      unacceptable: 'Unacceptable',
      illegal: 'Unacceptable and illegal',
    });
    expect(view.rows.find((r) => r.label === 'File sharing')?.cells).toEqual({ value: 'acceptable' });
  });

  it('R000-130 R000-131 matrixView: sanctions cells are {<column label>: boolean}', () => {
    for (const name of ['pupil-sanctions', 'staff-sanctions'] as const) {
      const view = matrixView(policy, name)!;
      expect(view.rows).toHaveLength(16);
      for (const row of view.rows) {
        expect(Object.keys(row.cells)).toEqual(view.columns);
        for (const v of Object.values(row.cells)) expect(typeof v).toBe('boolean');
      }
      expect(Object.keys(view.columnLabels)).toEqual(view.columns);
    }
  });

  it('every matrix row names its seed line', () => {
    const all = [...comms.rows, ...ua.rows, ...pupils.rows, ...staff.rows];
    expect(all).toHaveLength(11 + 22 + 16 + 16);
    for (const row of all) {
      expect(row.source.seed).toBe(SEED);
      expect(row.source.line).toBeGreaterThan(0);
    }
    for (const rows of [comms.rows, ua.rows, pupils.rows, staff.rows]) {
      const lines = rows.map((r) => r.source.line ?? 0);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    }
  });
});

describe('milford-haven template: hand-written expectations', () => {
  it('R000-001 records the title, author and review date as written', () => {
    expect(policy.title).toBe('Milford Haven School Networking e-Safety Policy');
    expect(policy.preparedBy).toBe('DHT Well Being and Inclusion');
    expect(policy.review.nextReviewAsWritten).toBe('Summer Term 2024');
    expect(policy.review.nextReview).toBe('2024-04-01');
    expect(policy.readings.some((r) => r.reading.includes('Summer Term 2024'))).toBe(true);
  });

  it('R000-002 records a scope covering the whole school community and personal devices on site', () => {
    expect(policy.scope).toMatch(/community users/);
    expect(policy.scope).toMatch(/personal digital technology/);
  });

  it('records the school: Welsh secondary with a sixth form, bilingual', () => {
    expect(policy.school.name).toBe('Milford Haven School');
    expect(policy.school.phase).toBe('secondary');
    expect(policy.school.country).toBe('wales');
    expect(policy.school.languages).toEqual(['en', 'cy']);
    expect(policy.school.keyStages).toContain('sixth-form');
    expect(policy.school.sites).toHaveLength(1);
  });

  it('R000-005 records the blank Policy Committee date and the governors approval of 24/05/23', () => {
    expect(policy.review.approvals).toEqual([
      { body: 'Policy Committee', on: null, asWritten: null },
      { body: 'Governing Body / Governors Sub Committee', on: '2023-05-24', asWritten: '24/05/23' },
    ]);
  });

  it('R000-006 R000-007 R000-008 records monitoring, the governors report and review triggers', () => {
    expect(policy.review.monitoredBy).toBe('e-safety working group');
    expect(policy.review.monitoringInterval).toBe('Annually');
    expect(policy.review.governorsReport).toBe(
      'Annually at Full Governors Meeting – Autumn to review previous year',
    );
    expect(policy.review.intervalMonths).toBe(12);
    expect(policy.review.triggers).toHaveLength(3);
  });

  it('R000-009 names the external agencies for serious incidents', () => {
    expect(policy.externalAgencies.map((a) => a.name)).toEqual([
      'LA Child Care Assessment Team (CCATs)',
      'Police SCPO',
      'Police Liaison Officer',
    ]);
  });

  it('R000-010 R000-011 R000-012 lists the impact-monitoring methods', () => {
    const methods = policy.impactMonitoring.map((i) => i.method);
    expect(methods).toHaveLength(5);
    expect(methods).toContain('Digital driving licences');
    expect(methods.some((x) => x.startsWith('Surveys / questionnaires'))).toBe(true);
  });

  it('R000-018 R000-023 names Janette Reynolds as e-Safety Officer', () => {
    const officer = policy.roles.find((r) => r.id === 'e-safety-officer')!;
    expect(officer.title).toBe('e-Safety Officer');
    expect(officer.kinds).toEqual(['online-safety-lead']);
    expect(officer.holders).toEqual([{ name: 'Janette Reynolds' }]);
    expect(officer.responsibilities).toHaveLength(10);
  });

  it('R000-014 records the e-Safety Governor role, unnamed', () => {
    const gov = policy.roles.find((r) => r.kinds.includes('online-safety-governor'))!;
    expect(gov.title).toBe('e-Safety Governor');
    expect(gov.holders).toEqual([]);
    expect(gov.responsibilities).toHaveLength(4);
  });

  it('records every role with a source and the canonical kinds Haven looks for', () => {
    const kinds: Set<string> = new Set(policy.roles.flatMap((r) => r.kinds));
    for (const k of [
      'headteacher',
      'senior-leadership',
      'dsl',
      'network-manager',
      'all-staff',
      'pupils',
      'parents',
    ])
      expect(kinds.has(k)).toBe(true);
    for (const role of policy.roles) {
      expect(role.source.seed).toBe(SEED);
      expect(role.source.line).toBeGreaterThan(0);
    }
    expect(policy.roles.find((r) => r.kinds.includes('dsl'))?.title).toBe('Safeguarding Designated Person');
  });

  it('R000-003 R000-013 R000-042 records the e-Safety Group and the Well-Being sub-committee', () => {
    const group = policy.committees.find((c) => c.id === 'e-safety-group')!;
    expect(group.name).toBe('e-Safety Group');
    expect(group.kind).toBe('online-safety-group');
    expect(group.members).toContain('e-safety-officer');
    expect(group.members).toHaveLength(6);
    const wb = policy.committees.find((c) => c.id === 'well-being-sub-committee')!;
    expect(wb.name).toBe("Well-Being Governor's sub-committee");
    expect(wb.kind).toBe('governors-committee');
  });

  it('R000-106 communications matrix: audiences, codes and legend', () => {
    expect(comms.title).toBe('Communication Technologies');
    expect(comms.audiences.staff).toEqual({ label: 'Staff & other adults', codes: ['A', 'CT', 'SS', 'NA'] });
    expect(comms.audiences.pupils).toEqual({ label: 'Students / Pupils', codes: ['A', 'CT', 'SP', 'NA'] });
    expect(comms.legend?.SS).toBe('Allowed for selected staff');
    expect(comms.legend?.SP).toBe('Allowed with staff permission');
  });

  it('R000-106 communications matrix: every row as the seed marks it', () => {
    const expected: [string, string, string][] = [
      ['Mobile phones may be brought to school', 'A', 'A'],
      ['Use of mobile phones in lessons', 'CT', 'SP'],
      ['Use of mobile phones in social time', 'A', 'NA'],
      ['Taking photos of others on mobile phones / cameras', 'NA', 'NA'],
      ['Taking photos of work on mobile phones / cameras', 'NA', 'SP'],
      ['Use of other mobile devices e.g. tablets, gaming devices', 'A', 'SP'],
      ['Use of personal email addresses in school, or on school network', 'CT', 'SP'],
      ['Use of school email for personal emails', 'NA', 'NA'],
      ['Use of messaging apps', 'CT', 'SP'],
      ['Use of social media', 'CT', 'SP'],
      ['Use of blogs', 'A', 'A'],
    ];
    expect(comms.rows.map((r) => [r.label, r.cells.staff, r.cells.pupils])).toEqual(expected);
  });

  it('R000-106 communications rows map to web categories where they govern web content', () => {
    expect(commsRow('Use of social media').categories).toEqual(['social-media']);
    expect(commsRow('Use of messaging apps').categories).toEqual(['messaging']);
    expect(commsRow('Use of blogs').categories).toEqual(['blogs']);
    expect(commsRow('Mobile phones may be brought to school').categories).toEqual([]);
    expect(commsRow('Taking photos of others on mobile phones / cameras').categories).toEqual([]);
  });

  it('R000-114 user actions: column labels as the seed header', () => {
    expect(ua.title).toBe('User Actions');
    expect(Object.values(ua.columns)).toEqual([
      'Acceptable',
      'Acceptable at certain times',
      'Acceptable for nominated users',
      'Unacceptable',
      'Unacceptable and illegal',
    ]);
    expect(ua.appliesTo).toBe('all-users');
  });

  it('R000-114 user actions: every row value as the seed marks it', () => {
    const expected: [string, string][] = [
      ['Child sexual abuse images –The making, production', 'illegal'],
      ['Grooming, incitement', 'illegal'],
      ['Possession of an extreme pornographic image', 'illegal'],
      ['criminally racist material in UK', 'illegal'],
      ['pornography', 'unacceptable'],
      ['promotion of any kind of discrimination', 'unacceptable'],
      ['threatening behaviour', 'unacceptable'],
      ['any other information which may be offensive', 'unacceptable'],
      ['Using school systems to run a private business', 'unacceptable'],
      ['Using systems, applications, websites or other mechanisms that bypass', 'unacceptable'],
      ['Infringing copyright', 'illegal'],
      ['Revealing or publicising confidential', 'unacceptable'],
      ['Creating or propagating computer viruses', 'illegal'],
      ['Unfair usage', 'unacceptable'],
      ['On-line gaming (educational)', 'certain-times'],
      ['On-line gaming (non educational)', 'unacceptable'],
      ['On-line gambling', 'unacceptable'],
      ['On-line shopping / commerce', 'nominated-users'],
      ['File sharing', 'acceptable'],
      ['Use of social media', 'certain-times'],
      ['Use of messaging apps', 'certain-times'],
      ['Use of video broadcasting e.g. YouTube', 'acceptable'],
    ];
    expect(ua.rows).toHaveLength(expected.length);
    ua.rows.forEach((row, i) => {
      const [start, value] = expected[i]!;
      expect(row.label.startsWith(start)).toBe(true);
      expect(row.value).toBe(value);
      expect(effectiveUserAction(policy, row.id)).toBe(value);
    });
  });

  it('R000-114 user actions: labels keep the seed’s odd spacing and punctuation', () => {
    expect(ua.rows[0]!.label).toBe(
      'Child sexual abuse images –The making, production or distribution of indecent images of children. Contrary to The Protection of Children Act 1978',
    );
    expect(ua.rows[3]!.label).toBe(
      'criminally racist material in UK – to stir up religious hatred (or hatred on the grounds of sexual orientation) - contrary to the Public Order Act 1986',
    );
    expect(
      uaRow(
        'Unfair usage (downloading / uploading large files that hinders others in their use of the internet)',
      ).value,
    ).toBe('unacceptable');
  });

  it('R000-115 user actions map to Haven filter categories', () => {
    expect(uaRow('pornography').categories).toEqual(['pornography']);
    expect(uaRow('On-line gambling').categories).toEqual(['gambling']);
    expect(uaRow('Use of social media').categories).toEqual(['social-media']);
    expect(uaRow('File sharing').categories).toEqual(['file-sharing']);
    expect(uaRow('Use of video broadcasting e.g. YouTube').categories).toEqual(['video-broadcasting']);
    expect(uaRow('On-line gaming (educational)').categories).toEqual(['gaming-educational']);
    expect(uaRow('On-line gaming (non educational)').categories).toEqual(['gaming']);
    expect(uaRow('On-line shopping / commerce').categories).toEqual(['shopping']);
    expect(ua.rows[0]!.categories).toEqual(['child-abuse']);
    expect(ua.rows[3]!.categories).toContain('hate-speech');
    expect(ua.rows.find((r) => r.id === 'bypass-filtering')?.categories).toEqual(['bypass']);
    expect(uaRow('Using school systems to run a private business').categories).toEqual([]);
  });

  it('R000-130 pupil sanctions: title, row header and the 9 column labels', () => {
    expect(pupils.title).toBe('Students / Pupils Actions');
    expect(pupils.rowHeader).toBe('Incidents:');
    expect(pupils.columns).toEqual([
      'Refer to class teacher / tutor',
      'Refer to AOLE / HoH / Engagement team/ other',
      'Refer to Head teacher / Duty SLT',
      'Refer to Police',
      'Refer to technical support staff for action re filtering / security etc',
      'Inform parents / carers',
      'Removal of internet access rights',
      'Warning',
      'Further sanction e.g. detention / exclusion',
    ]);
    expect(pupils.rows).toHaveLength(16);
  });

  it('R000-130 R000-117 pupil sanctions: "Using proxy sites..." refers to AOLE/HoH and technical support only', () => {
    expect(
      marked(pupils, "Using proxy sites or other means to subvert the school's filtering system"),
    ).toEqual([
      'Refer to AOLE / HoH / Engagement team/ other',
      'Refer to technical support staff for action re filtering / security etc',
    ]);
  });

  it('R000-130 pupil sanctions: selected rows as the seed marks them', () => {
    // Illegal material: no technical-support mark (taken literally).
    expect(
      marked(
        pupils,
        'Deliberately accessing or trying to access material that could be considered illegal (see list in earlier section on unsuitable / inappropriate activities).',
      ),
    ).toEqual([
      'Refer to AOLE / HoH / Engagement team/ other',
      'Refer to Head teacher / Duty SLT',
      'Refer to Police',
      'Inform parents / carers',
      'Removal of internet access rights',
      'Further sanction e.g. detention / exclusion',
    ]);
    expect(marked(pupils, 'Unauthorised use of non-educational sites during lessons')).toEqual([
      'Refer to class teacher / tutor',
      'Further sanction e.g. detention / exclusion',
    ]);
    expect(marked(pupils, 'Unauthorised downloading or uploading of files')).toEqual([
      'Refer to class teacher / tutor',
      'Warning',
    ]);
    expect(
      marked(
        pupils,
        'Accidentally accessing offensive or pornographic material and failing to report the incident',
      ),
    ).toEqual(['Refer to AOLE / HoH / Engagement team/ other', 'Inform parents / carers', 'Warning']);
    expect(
      marked(
        pupils,
        'Sending an email, text or message that is regarded as offensive, harassment or of a bullying nature',
      ),
    ).toHaveLength(7);
    expect(
      sanctionRow(
        pupils,
        "Attempting to access or accessing the school network, using another student's / pupil's account",
      ).cells['Refer to Police'],
    ).toBe(false);
  });

  it('R000-131 staff sanctions: title, row header and the 8 column labels', () => {
    expect(staff.title).toBe('Staff Actions');
    expect(staff.rowHeader).toBe('Incidents:');
    expect(staff.columns).toEqual([
      'Refer to line manager',
      'Refer to Headteacher Principal',
      'Refer to Local Authority / HR',
      'Refer to Police',
      'Refer to Technical Support Staff for action re filtering etc',
      'Warning',
      'Suspension',
      'Disciplinary action',
    ]);
    expect(staff.rows).toHaveLength(16);
  });

  it('R000-131 staff sanctions: selected rows as the seed marks them', () => {
    expect(marked(staff, 'Breaching copyright or licensing regulations')).toEqual([
      'Refer to line manager',
      'Warning',
    ]);
    expect(
      marked(staff, "Using proxy sites or other means to subvert the school's filtering system"),
    ).toEqual([
      'Refer to Headteacher Principal',
      'Refer to Technical Support Staff for action re filtering etc',
      'Warning',
    ]);
    expect(
      marked(staff, 'Deliberately accessing or trying to access offensive or pornographic material'),
    ).toEqual([
      'Refer to Headteacher Principal',
      'Refer to Local Authority / HR',
      'Refer to Police',
      'Refer to Technical Support Staff for action re filtering etc',
      'Suspension',
      'Disciplinary action',
    ]);
    expect(
      marked(staff, 'Inappropriate personal use of the internet / social media / personal email'),
    ).toEqual(['Refer to line manager', 'Refer to Headteacher Principal', 'Warning']);
    // One staff row merges the two pupil rows on sharing and using accounts.
    expect(staff.rows.filter((r) => r.label.includes('sharing username and passwords'))).toHaveLength(1);
  });

  it('R000-132 marks only the "Continued infringements..." rows for escalation', () => {
    for (const matrix of [pupils, staff]) {
      const flagged = matrix.rows.filter((r) => r.continuedInfringements);
      expect(flagged.map((r) => r.label)).toEqual([
        'Continued infringements of the above, following previous warnings or sanctions',
      ]);
    }
    expect(
      marked(staff, 'Continued infringements of the above, following previous warnings or sanctions'),
    ).toEqual([
      'Refer to Headteacher Principal',
      'Refer to Local Authority / HR',
      'Refer to Technical Support Staff for action re filtering etc',
      'Suspension',
      'Disciplinary action',
    ]);
  });

  it('R000-073 R000-036 records the prose rules with their quotes', () => {
    const iwf = policy.proseRules.find((r) => r.id === 'block-child-abuse-iwf')!;
    expect(iwf.value).toBe('illegal');
    expect(iwf.categories).toEqual(['child-abuse']);
    const personal = policy.proseRules.find((r) => r.id === 'no-personal-channels-with-pupils-parents')!;
    expect(personal.audience).toBe('staff');
    expect(personal.value).toBe('unacceptable');
    for (const rule of policy.proseRules) {
      expect(rule.source.quote.length).toBeGreaterThan(0);
      expect(rule.source.line).toBeGreaterThan(0);
    }
  });

  it('records the readings taken for ambiguous passages', () => {
    expect(policy.readings.length).toBeGreaterThanOrEqual(10);
    const text = policy.readings.map((r) => `${r.where} ${r.reading}`).join('\n');
    for (const needle of [
      'Policy Committee',
      'safeguarding officer',
      'Digital driving licences',
      'page break',
    ])
      expect(text).toContain(needle);
  });
});

/* ------------------------------------------------- seed-text comparisons */

const lines = seedLines(SEED);
if (!lines) console.warn(SEEDS_MISSING_MESSAGE);

/** The seed's line n, or '' past the end. */
function at(n: number | undefined): string {
  return (n === undefined ? undefined : lines?.[n]) ?? '';
}

/**
 * The table rows that follow a header line in the seed: tab-separated lines, carrying on over
 * blank (page-break) lines, ending at the first non-blank line without a tab.
 */
function tableRowLines(header: number): number[] {
  const out: number[] = [];
  for (let n = header + 1; n < (lines?.length ?? 0); n++) {
    const line = at(n);
    if (line.trim() === '') continue;
    if (!line.includes('\t')) break;
    out.push(n);
  }
  return out;
}

describe.skipIf(!lines)('milford-haven template against the seed text', () => {
  it('R000-001 R000-005 R000-008 review details appear in the seed as written', () => {
    expect(at(5).trim()).toBe(policy.title);
    expect(at(11)).toContain(policy.preparedBy!);
    expect(at(7).trim()).toBe('Date approved by Policy Committee:');
    expect(cellsOf(at(30))[1]?.trim()).toBe('24/05/23');
    expect(at(31)).toContain(policy.review.monitoredBy!);
    expect(at(32)).toContain(policy.review.monitoringInterval!);
    expect(at(33)).toContain(policy.review.governorsReport!);
    expect(at(policy.review.source.line)).toContain(policy.review.nextReviewAsWritten!);
    for (const agency of policy.externalAgencies) expect(at(agency.source.line)).toContain('Police');
  });

  it('R000-018 every role title appears in its source line', () => {
    for (const role of policy.roles) expect(at(role.source.line)).toContain(role.title);
    expect(at(64)).toContain('Janette Reynolds');
  });

  it('every prose rule quote appears in its source line', () => {
    for (const rule of policy.proseRules) expect(at(rule.source.line)).toContain(rule.source.quote);
  });

  it('R000-106 communications: header groups and codes as the seed', () => {
    const header = comms.source.line!;
    const groups = cellsOf(at(header));
    const codes = cellsOf(at(header + 1));
    expect(groups[0]?.trim()).toBe(comms.title);
    const starts = groups.map((c, i) => (c.trim() === '' ? -1 : i)).filter((i) => i > 0);
    expect(starts.map((i) => groups[i]?.trim())).toEqual([
      comms.audiences.staff.label,
      comms.audiences.pupils.label,
    ]);
    const [staffStart, pupilStart] = starts as [number, number];
    expect(codes.slice(staffStart, pupilStart).map((c) => c.trim())).toEqual(comms.audiences.staff.codes);
    expect(codes.slice(pupilStart).map((c) => c.trim())).toEqual(comms.audiences.pupils.codes);
    expect(comms.rows.map((r) => r.source.line)).toEqual(tableRowLines(header + 1));
  });

  describe('R000-106 communications rows', () => {
    const header = comms.source.line ?? 0;
    for (const row of comms.rows) {
      it(`${row.id} (line ${row.source.line})`, () => {
        const groups = cellsOf(at(header));
        const codes = cellsOf(at(header + 1));
        const pupilStart = groups.findIndex((c, i) => i > 1 && c.trim() !== '');
        const cells = cellsOf(at(row.source.line));
        expect(cells[0]?.trim()).toBe(row.label);
        for (let i = 1; i < Math.max(cells.length, codes.length); i++) {
          const audience = i < pupilStart ? 'staff' : 'pupils';
          const code = codes[i]?.trim();
          expect(isMarked(cells[i]), `column ${i} (${audience} ${code})`).toBe(row.cells[audience] === code);
        }
      });
    }
  });

  it('R000-114 user actions: header and row lines as the seed', () => {
    const header = cellsOf(at(ua.source.line));
    expect(header[0]?.trim()).toBe('');
    expect(header.slice(1).map((c) => c.trim())).toEqual(Object.values(ua.columns));
    expect(ua.rows.map((r) => r.source.line)).toEqual(tableRowLines(ua.source.line!));
  });

  describe('R000-114 user-actions rows', () => {
    for (const row of ua.rows) {
      it(`${row.id} (line ${row.source.line})`, () => {
        const header = cellsOf(at(ua.source.line)).map((c) => c.trim());
        const cells = cellsOf(at(row.source.line));
        expect(cells[0]?.trim()).toBe(row.label);
        for (let i = 1; i < Math.max(cells.length, header.length); i++) {
          const value = (Object.keys(ua.columns) as (keyof typeof ua.columns)[]).find(
            (k) => ua.columns[k] === header[i],
          );
          expect(isMarked(cells[i]), `column ${i} (${header[i]})`).toBe(
            value !== undefined && row.value === value,
          );
        }
      });
    }
  });

  for (const [name, matrix, titleLines] of [
    ['R000-130 pupil sanctions', pupils, [461]],
    ['R000-131 staff sanctions', staff, [482, 484]],
  ] as const) {
    it(`${name}: title, header and row lines as the seed`, () => {
      expect(titleLines.map((n) => at(n).trim()).join(' ')).toBe(matrix.title);
      const header = cellsOf(at(matrix.source.line));
      expect(header[0]?.trim()).toBe(matrix.rowHeader);
      expect(header.slice(1).map((c) => c.trim())).toEqual(matrix.columns);
      expect(matrix.rows.map((r) => r.source.line)).toEqual(tableRowLines(matrix.source.line!));
    });

    describe(`${name} rows`, () => {
      for (const row of matrix.rows) {
        it(`${row.id} (line ${row.source.line})`, () => {
          const header = cellsOf(at(matrix.source.line)).map((c) => c.trim());
          const cells = cellsOf(at(row.source.line));
          expect(cells[0]?.trim()).toBe(row.label);
          for (let i = 1; i < Math.max(cells.length, header.length); i++) {
            const column = header[i] ?? '';
            expect(isMarked(cells[i]), `column ${i} (${column})`).toBe(row.cells[column] === true);
          }
          expect(row.continuedInfringements).toBe(/^Continued infringements/.test(row.label));
        });
      }
    });
  }
});
