import { describe, expect, it } from 'vitest';
import { effectiveUserAction, matricesOf, matrixView } from '../../src/policy/matrix-view.ts';
import { nextReviewDate } from '../../src/policy/review.ts';
import { type PolicyDocument, policyDocument, USER_ACTION_VALUES } from '../../src/policy/schema.ts';
import { template } from '../../src/policy/templates/index.ts';
import { wsapc } from '../../src/policy/templates/wsapc.ts';
import { cellsOf, isMarked, SEEDS_MISSING_MESSAGE, seedLines } from '../seed-text.ts';

const SEED = '003_7b798a0a21d1a361.txt';
const policy: PolicyDocument = policyDocument.parse(wsapc);
const m = policy.matrices;
const devices = m.devices!;
const ua = m.userActions!;
const pupils = m.pupilSanctions!;
const staff = m.staffSanctions!;

const uaRow = (id: string) => {
  const row = ua.rows.find((r) => r.id === id);
  if (!row) throw new Error(`no user-actions row ${id}`);
  return row;
};
const uaByLabel = (label: string) => {
  const row = ua.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no user-actions row labelled ${label}`);
  return row;
};
const sanctionRow = (matrix: typeof pupils, label: string) => {
  const row = matrix.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no sanctions row labelled ${label}`);
  return row;
};
const marked = (matrix: typeof pupils, label: string) =>
  matrix.columns.filter((c) => sanctionRow(matrix, label).cells[c]);

const SHALL_NOT =
  'Users shall not visit internet sites, make, post, download, upload, data transfer, communicate or pass on, material, remarks, proposals or comments that contain or relate to:';
const CYBER = 'Activities that might be classed as cyber-crime under the Computer Misuse Act:';

describe('WSAPC template: validation and shape', () => {
  it('validates against the policy schema and is registered as "wsapc"', () => {
    expect(policyDocument.safeParse(wsapc).success).toBe(true);
    expect(policy.id).toBe('wsapc');
    expect(policy.seed).toBe(SEED);
    expect(template('wsapc')?.school.name).toBe('WSAPC');
  });

  it('R003-001 scope and school: WSAPC, alternative provision, England', () => {
    expect(policy.title).toBe('Online Safety Policy');
    expect(policy.school.phase).toBe('other');
    expect(policy.school.country).toBe('england');
    expect(policy.scope).toMatch(/WSAPC community/);
  });

  it('R003-025 two sites: Chalkhill behind the eSafety4Schools proxy, the rest behind FortiGate', () => {
    const sites = Object.fromEntries(policy.school.sites.map((s) => [s.id, s]));
    expect(policy.school.sites).toHaveLength(2);
    expect(sites.chalkhill?.name).toBe('Chalkhill');
    expect(sites.chalkhill?.filtering).toMatch(/proxy/i);
    expect(sites.chalkhill?.filtering).toMatch(/eSafety4Schools/);
    expect(sites['other-sites']?.filtering).toMatch(/FortiGate/);
    expect(sites['other-sites']?.filtering).toMatch(/DMS/);
  });

  it('has every matrix the seed has, and no communications matrix', () => {
    expect(matricesOf(policy)).toEqual(['user-actions', 'devices', 'pupil-sanctions', 'staff-sanctions']);
    expect(m.communications).toBeUndefined();
  });
});

describe('WSAPC roles, committees and review', () => {
  const role = (id: string) => policy.roles.find((r) => r.id === id);

  it('R003-018 Online Safety Lead is Ben Thomas, Deputy Headteacher', () => {
    const osl = role('online-safety-lead');
    expect(osl?.title).toBe('Online Safety Lead');
    expect(osl?.kinds).toContain('online-safety-lead');
    expect(osl?.holders).toEqual([{ name: 'Ben Thomas', note: 'Deputy Headteacher' }]);
    expect(osl?.responsibilities.length).toBe(9);
  });

  it('R003-012 R003-022 Network Manager/Business Manager has the delegated day-to-day and technical duties', () => {
    const nm = role('network-manager');
    expect(nm?.title).toBe('Network Manager/Business Manager');
    expect(nm?.kinds).toEqual(['network-manager', 'business-manager']);
    expect(nm?.responsibilities.some((r) => /FortiGate and Impero/.test(r))).toBe(true);
    expect(nm?.source.line).toBe(67);
  });

  it('R003-009 Health and Safety Governor, DPO and DSL are roles with their own titles', () => {
    expect(role('health-and-safety-governor')?.title).toBe('Health and Safety Governor');
    expect(role('health-and-safety-governor')?.kinds).toContain('online-safety-governor');
    expect(role('data-protection-officer')?.kinds).toEqual(['dpo']);
    expect(role('designated-safeguarding-lead')?.kinds).toEqual(['dsl']);
    expect(role('headteacher')?.kinds).toEqual(['headteacher']);
    expect(role('senior-risk-officer')?.kinds).toEqual(['siro']);
  });

  it('R003-006 R003-007 R003-038 Health and Safety Committee is the online safety group; resource committee approves', () => {
    const hs = policy.committees.find((c) => c.id === 'health-and-safety-committee');
    expect(hs?.name).toBe('Health and Safety Committee');
    expect(hs?.kind).toBe('online-safety-group');
    expect(hs?.members).toEqual(expect.arrayContaining(['headteacher', 'online-safety-lead', 'governors']));
    const rc = policy.committees.find((c) => c.id === 'resource-committee');
    expect(rc?.kind).toBe('governors-committee');
    expect(policy.preparedBy).toBe('Health and Safety Committee');
  });

  it('R003-153 approvals: adopted and ratified January 2017, reviewed August 2020, due August 2021', () => {
    expect(policy.review.approvals).toEqual([
      { body: 'WSAPC (adopted)', on: '2017-01-01', asWritten: 'January 2017' },
      { body: 'Governing Body (ratified)', on: '2017-01-01', asWritten: 'January 2017' },
      { body: 'Annual review', on: '2020-08-01', asWritten: 'August 2020' },
    ]);
    expect(policy.review.intervalMonths).toBe(12);
    expect(policy.review.nextReviewAsWritten).toBe('August 2021');
    expect(policy.review.nextReview).toBe('2021-08-01');
    // The due date is the last review plus the interval.
    expect(nextReviewDate(policy.review.approvals.at(-1)!.on!, policy.review.intervalMonths)).toBe(
      policy.review.nextReview,
    );
  });

  it('records the sanctions the seed states in prose (staff social media, personal devices)', () => {
    expect(policy.sanctionsStated.map((s) => [s.audience, s.source.line])).toEqual([
      ['staff', 420],
      ['all-users', 290],
      ['all-users', 537],
    ]);
  });

  it('R003-152 twenty linked policies, in seed order', () => {
    expect(policy.linkedPolicies).toHaveLength(20);
    expect(policy.linkedPolicies[0]?.title).toBe(
      'Acceptable Use Policy/Agreement (Parent/Carers, Pupils, Staff/Others)',
    );
    expect(policy.linkedPolicies.at(-1)?.title).toBe('WSCC code of Conduct');
  });

  it('R003-142 eight police-reportable instances', () => {
    expect(policy.policeReportable).toHaveLength(8);
    expect(policy.policeReportable.map((p) => p.source.line)).toEqual([
      497, 498, 499, 500, 501, 502, 503, 504,
    ]);
  });

  it('R003-063 R003-072 R003-119 R003-128 prose rules: IWF list, executables, school email only, staff social media', () => {
    const rule = (id: string) => policy.proseRules.find((r) => r.id === id)!;
    expect(rule('illegal-content-iwf').value).toBe('illegal');
    expect(rule('illegal-content-iwf').categories).toEqual(['child-abuse']);
    expect(rule('executables-and-apps').value).toBe('unacceptable');
    expect(rule('school-email-only').categories).toEqual(['webmail']);
    expect(rule('school-email-only').except).toBe('the WSAPC email service');
    expect(rule('staff-private-social-media').audience).toBe('staff');
    expect(rule('staff-private-social-media').value).toBe('acceptable');
    expect(rule('students-personal-devices').audience).toBe('pupils');
    expect(rule('students-personal-devices').value).toBe('unacceptable');
  });

  it('records the column-shift reading for the user actions matrix', () => {
    expect(policy.readings.some((r) => /454-468/.test(r.where))).toBe(true);
  });
});

describe('WSAPC device matrix (hand-written expectations)', () => {
  it('R003-075 4 rows x 6 columns grouped as School (WSAPC) Devices and Personal Devices', () => {
    expect(devices.columns).toEqual([
      'School owned for single user',
      'School owned for multiple users',
      'Authorised device ¹',
      'Student owned',
      'Staff owned',
      'Visitor owned',
    ]);
    expect(devices.columnGroups).toEqual([
      {
        label: 'School (WSAPC) Devices',
        columns: ['School owned for single user', 'School owned for multiple users', 'Authorised device ¹'],
      },
      { label: 'Personal Devices', columns: ['Student owned', 'Staff owned', 'Visitor owned'] },
    ]);
    expect(devices.rows.map((r) => r.label)).toEqual([
      'Allowed in school',
      'Full network access',
      'Internet only',
      'No network access',
    ]);
    expect(devices.footnotes).toHaveLength(1);
  });

  it('R003-076 staff- and visitor-owned devices get internet only, filtered as Guest/BYOD', () => {
    const internetOnly = devices.rows.find((r) => r.label === 'Internet only')!;
    expect(internetOnly.cells['Staff owned']).toBe('Yes – filtered as "Guest/ BYOD"');
    expect(internetOnly.cells['Visitor owned']).toBe('Yes – filtered as "Guest/ BYOD"');
    expect(internetOnly.cells['School owned for single user']).toBe('-');
    const full = devices.rows.find((r) => r.label === 'Full network access')!;
    expect(full.cells['Staff owned']).toBe('No');
    expect(full.cells['Authorised device ¹']).toBe('Yes');
  });

  it('R003-077 student-owned devices: not allowed, no access', () => {
    const col = devices.rows.map((r) => r.cells['Student owned']);
    expect(col).toEqual(['No', 'No', 'No', 'Yes']);
  });

  it('matrixView gives devices cells keyed by column label with the seed text', () => {
    const view = matrixView(policy, 'devices')!;
    expect(view.columns).toEqual(devices.columns);
    expect(view.rows[0]?.cells).toEqual({
      'School owned for single user': 'Yes',
      'School owned for multiple users': 'Yes',
      'Authorised device ¹': 'Yes',
      'Student owned': 'No',
      'Staff owned': 'Yes',
      'Visitor owned': 'Yes',
    });
  });
});

describe('WSAPC user actions matrix (hand-written expectations)', () => {
  it('R003-131 28 rows: 8 under "Users shall not", 1 other, cyber-crime + 5 sub-items, 13 activities', () => {
    expect(ua.title).toBe('User Actions');
    expect(ua.rows).toHaveLength(28);
    expect(ua.rows.filter((r) => r.group === SHALL_NOT)).toHaveLength(8);
    expect(ua.rows.filter((r) => r.group === CYBER)).toHaveLength(5);
    expect(ua.rows.filter((r) => r.value !== null)).toHaveLength(23);
    expect(ua.columns).toEqual({
      acceptable: 'Acceptable',
      'certain-times': 'Acceptable at certain times',
      'nominated-users': 'Acceptable for nominated users',
      unacceptable: 'Unacceptable',
      illegal: 'Unacceptable and illegal',
    });
    expect(ua.appliesTo).toBe('all-users');
  });

  it('R003-131 the first 8 content rows are grouped under the "Users shall not..." heading', () => {
    expect(ua.rows.slice(0, 8).every((r) => r.group === SHALL_NOT)).toBe(true);
    expect(ua.rows[0]?.label).toBe(
      'Child sexual abuse images –The making, production or distribution of indecent images of children. Contrary to The Protection of Children Act 1978',
    );
    expect(ua.rows[0]?.value).toBe('illegal');
    expect(ua.rows[0]?.categories).toEqual(['child-abuse']);
    expect(uaByLabel('Pornography').value).toBe('unacceptable');
    expect(uaByLabel('Promotion of extremism or terrorism').value).toBe('unacceptable');
  });

  it('R003-131 "Any other information..." is its own ungrouped row, Unacceptable', () => {
    const row = uaRow('other-offensive-information');
    expect(row.group).toBeUndefined();
    expect(row.value).toBe('unacceptable');
  });

  it('R003-133 bypassing filtering is Unacceptable (column shift applied), category bypass', () => {
    const row = uaByLabel(
      'Using systems, applications, websites or other mechanisms that bypass the filtering or other safeguards employed by WSAPC',
    );
    expect(row.value).toBe('unacceptable');
    expect(row.categories).toEqual(['bypass']);
  });

  it('R003-132 certain times: educational gaming, shopping, YouTube; nominated users: file sharing, social media, messaging', () => {
    expect(uaByLabel('Online gaming (educational)').value).toBe('certain-times');
    expect(uaByLabel('Online shopping/commerce').value).toBe('certain-times');
    expect(uaByLabel('Use of video broadcasting e.g. Youtube').value).toBe('certain-times');
    expect(uaByLabel('File sharing').value).toBe('nominated-users');
    expect(uaByLabel('File sharing').categories).toEqual(['file-sharing']);
    expect(uaByLabel('Use of social media').value).toBe('nominated-users');
    expect(uaByLabel('Use of messaging apps').value).toBe('nominated-users');
    expect(uaByLabel('Online gaming (non-educational)').value).toBe('unacceptable');
    expect(uaByLabel('Online gambling').value).toBe('unacceptable');
    expect(uaByLabel('Infringing copyright').value).toBe('unacceptable');
    expect(uaByLabel('Using WSAPC systems to run a private business').value).toBe('unacceptable');
  });

  it('R003-135 cyber-crime sub-items are blank, point at the parent and are effectively illegal', () => {
    const parent = uaRow('cyber-crime');
    expect(parent.label).toBe(CYBER);
    expect(parent.value).toBe('illegal');
    const subs = ua.rows.filter((r) => r.parent === 'cyber-crime');
    expect(subs.map((r) => r.label)).toEqual([
      'Gaining unauthorised access to school networks, data and files, through the use of computers/devices',
      'Creating or propagating computer viruses or other harmful files',
      'Revealing or publicising confidential or proprietary information (e.g. financial/personal information, databases, computer/network access codes and passwords)',
      'Disable/impair/disrupt network functionality through the use of computers/devices',
      'Using penetration testing equipment (without relevant permission)',
    ]);
    for (const sub of subs) {
      expect(sub.value).toBeNull();
      expect(sub.group).toBe(CYBER);
      expect(effectiveUserAction(policy, sub.id)).toBe('illegal');
    }
  });

  it('R003-131 revealing confidential information: illegal as cyber-crime, Unacceptable on its own', () => {
    const label =
      'Revealing or publicising confidential or proprietary information (e.g. financial/personal information, databases, computer/network access codes and passwords)';
    const rows = ua.rows.filter((r) => r.label === label);
    expect(rows.map((r) => effectiveUserAction(policy, r.id))).toEqual(['illegal', 'unacceptable']);
  });

  it('matrixView gives user-actions cells as {value}, with groups', () => {
    const view = matrixView(policy, 'user-actions')!;
    expect(view.columns).toEqual(['value']);
    const fileSharing = view.rows.find((r) => r.label === 'File sharing');
    expect(fileSharing?.cells).toEqual({ value: 'nominated-users' });
    expect(view.rows[0]?.group).toBe(SHALL_NOT);
    expect(view.rows.find((r) => r.id === 'cyber-crime-viruses')?.cells).toEqual({ value: null });
  });
});

describe('WSAPC sanctions matrices (hand-written expectations)', () => {
  it('R003-146 pupils: "Incidents:", 9 columns, 16 rows', () => {
    expect(pupils.title).toBe('Pupils Actions/Sanctions');
    expect(pupils.rowHeader).toBe('Incidents:');
    expect(pupils.columns).toHaveLength(9);
    expect(pupils.columns[0]).toBe('Refer to class teacher/key worker');
    expect(pupils.columns[8]).toBe('Further sanction i.e. isolation/exclusion');
    expect(pupils.rows).toHaveLength(16);
  });

  it('R003-146 pupils: corrupting data is marked only Refer to Police', () => {
    expect(marked(pupils, 'Corrupting or destroying the data of other users')).toEqual(['Refer to Police']);
  });

  it("R003-146 pupils: another pupil's account is Head/SLT, Police, parents, Warning", () => {
    expect(
      marked(
        pupils,
        "Attempting to access or accessing WSAPC network, using another student's/pupil's account",
      ),
    ).toEqual(['Refer to Headteacher/SLT', 'Refer to Police', 'Inform parents/carers', 'Warning']);
  });

  it('R003-148 R003-149 pupils: only continued infringements removes access rights, and it has no Warning', () => {
    const removal = pupils.rows.filter((r) => r.cells['Removal of network/internet access rights']);
    expect(removal.map((r) => r.id)).toEqual(['continued-infringements']);
    const continued = pupils.rows.find((r) => r.continuedInfringements)!;
    expect(continued.label).toBe(
      'Continued infringements of the above, following previous warnings or sanctions',
    );
    expect(continued.cells.Warning).toBe(false);
    expect(continued.cells['Further sanction i.e. isolation/exclusion']).toBe(true);
    expect(pupils.rows.filter((r) => r.continuedInfringements)).toHaveLength(1);
  });

  it('R003-147 staff: blank row header, 8 columns, 16 rows', () => {
    expect(staff.title).toBe('Staff (inc. Agency/volunteers etc)');
    expect(staff.rowHeader).toBe('');
    expect(staff.columns).toEqual([
      'Refer to Line Manager/Assistant Headteacher',
      'Refer to Headteacher/SLT',
      'Refer to WSCC/Capita HR',
      'Refer to Police',
      'Refer to technical support staff for action re filtering/security etc',
      'Warning',
      'Disciplinary Action',
      'Suspension',
    ]);
    expect(staff.rows).toHaveLength(16);
  });

  it('R003-147 staff: deliberate offensive/pornographic access is Suspension but not Disciplinary Action', () => {
    const row = sanctionRow(
      staff,
      'Deliberately accessing or trying to access offensive or pornographic material',
    );
    expect(row.cells.Suspension).toBe(true);
    expect(row.cells['Disciplinary Action']).toBe(false);
    expect(row.cells['Refer to Police']).toBe(true);
  });

  it('R003-147 staff: the merged account row and the illegal-material row', () => {
    expect(
      marked(
        staff,
        "Allowing others to access school network by sharing username and passwords or attempting to access or accessing WSAPC network, using another person's account",
      ),
    ).toEqual(['Refer to Headteacher/SLT', 'Warning', 'Disciplinary Action', 'Suspension']);
    expect(staff.rows[0]?.cells['Refer to Line Manager/Assistant Headteacher']).toBe(false);
    expect(marked(staff, staff.rows[0]!.label)).toHaveLength(7);
  });

  it('R003-148 staff: continued infringements is flagged', () => {
    const continued = staff.rows.filter((r) => r.continuedInfringements);
    expect(continued.map((r) => r.source.line)).toEqual([560]);
  });

  it('matrixView gives sanctions cells as {column label: boolean}', () => {
    const view = matrixView(policy, 'pupil-sanctions')!;
    expect(view.columns).toEqual(pupils.columns);
    const row = view.rows.find((r) => r.label === 'Corrupting or destroying the data of other users')!;
    expect(Object.keys(row.cells)).toEqual(pupils.columns);
    expect(Object.values(row.cells).every((v) => typeof v === 'boolean')).toBe(true);
    expect(matrixView(policy, 'staff-sanctions')?.rows).toHaveLength(16);
  });
});

/* ------------------------------------------------------------------ seed text */

const lines = seedLines(SEED);
if (!lines) console.warn(SEEDS_MISSING_MESSAGE);

describe.skipIf(!lines)('WSAPC template against the seed text', () => {
  const seed = lines ?? [];
  const at = (line: number | undefined) => {
    if (line === undefined) throw new Error('row has no seed line');
    return cellsOf(seed[line] ?? '');
  };
  const trimmed = (line: number | undefined) => at(line).map((c) => c.trim());

  it('R003-075 device header rows give the groups and columns', () => {
    const groupRow = trimmed(256);
    expect(groupRow[1]).toBe(devices.columnGroups[0]?.label);
    expect(groupRow[4]).toBe(devices.columnGroups[1]?.label);
    expect(trimmed(257).slice(1)).toEqual(devices.columns);
    expect(devices.source.line).toBe(256);
  });

  it('R003-075 every device row matches its seed line cell for cell', () => {
    for (const row of devices.rows) {
      const cells = trimmed(row.source.line);
      expect(cells[0]).toBe(row.label);
      expect(cells.length).toBe(devices.columns.length + 1);
      devices.columns.forEach((col, i) => {
        expect(row.cells[col], `${row.label} × ${col}`).toBe(cells[i + 1]);
      });
    }
    // Every table line between the headers and the blank line is a row.
    const tableLines = [258, 259, 260, 261];
    expect(devices.rows.map((r) => r.source.line)).toEqual(tableLines);
    expect(seed[262]?.trim()).toBe('');
  });

  it('R003-131 user-actions header has a blank sub-item field and then the five ratings', () => {
    const header = trimmed(ua.source.line);
    expect(header[0]).toBe('User Actions');
    expect(header[1]).toBe('');
    expect(header.slice(2)).toEqual(USER_ACTION_VALUES.map((v) => ua.columns[v]));
  });

  it('R003-131 every user-actions row matches the seed (6-field lines shifted one column right)', () => {
    // Walk the seed table independently: rows with text in both of the first two fields open the
    // "Users shall not" group; sub-items start with a space; 6-field lines lack the sub-item column.
    const first = ua.source.line! + 1;
    const last = 468;
    const expected: { line: number; label: string; group?: string; value: string | null }[] = [];
    let group: string | undefined;
    let heading: string | undefined;
    for (let n = first; n <= last; n++) {
      const raw = at(n);
      if (raw.length < 6) continue; // page-break lines
      const textFields = raw.length === 7 ? 2 : 1;
      const text = raw.slice(0, textFields);
      const marks = raw.slice(textFields);
      expect(marks, `line ${n}`).toHaveLength(5);
      expect(marks.filter(isMarked).length, `line ${n} has at most one mark`).toBeLessThanOrEqual(1);
      const markIndex = marks.findIndex(isMarked);
      const value = markIndex < 0 ? null : USER_ACTION_VALUES[markIndex]!;
      const [c0 = '', c1 = ''] = text;
      let label: string;
      if (c0.trim() !== '' && c1.trim() !== '') {
        group = c0.trim();
        label = c1.trim();
      } else if (c0.trim() === '' && c1.trim() !== '') {
        label = c1.trim();
      } else if (c0.startsWith(' ')) {
        group = heading;
        label = c0.trim();
      } else {
        group = undefined;
        label = c0.trim();
        heading = label;
      }
      expected.push({ line: n, label, ...(group === undefined ? {} : { group }), value });
    }
    expect(ua.rows.map((r) => r.source.line)).toEqual(expected.map((e) => e.line));
    ua.rows.forEach((row, i) => {
      const e = expected[i]!;
      expect(row.label, `line ${e.line}`).toBe(e.label);
      expect(row.group, `line ${e.line} group`).toBe(e.group);
      expect(row.value, `line ${e.line} value`).toBe(e.value);
      if (e.value === null) {
        expect(row.parent, `line ${e.line} parent`).toBe('cyber-crime');
        expect(effectiveUserAction(policy, row.id)).toBe('illegal');
      }
    });
  });

  it('R003-131 the page-break lines 451-453 really are blank and lines 454-468 have 6 fields', () => {
    for (const n of [451, 452, 453]) expect(seed[n]?.trim()).toBe('');
    for (let n = 454; n <= 468; n++) expect(at(n).length).toBe(6);
    for (let n = 437; n <= 450; n++) expect(at(n).length).toBe(7);
  });

  const sanctionsAgainstSeed = (matrix: typeof pupils, lastLine: number) => {
    const header = trimmed(matrix.source.line);
    expect(header[0]).toBe(matrix.rowHeader);
    expect(header.slice(1)).toEqual(matrix.columns);
    const tableLines: number[] = [];
    for (let n = matrix.source.line! + 1; n <= lastLine; n++) {
      if (at(n).length > 1) tableLines.push(n);
    }
    expect(matrix.rows.map((r) => r.source.line)).toEqual(tableLines);
    for (const row of matrix.rows) {
      const raw = at(row.source.line);
      expect(raw[0]?.trim()).toBe(row.label);
      matrix.columns.forEach((col, i) => {
        expect(row.cells[col], `line ${row.source.line}: ${row.label} × ${col}`).toBe(isMarked(raw[i + 1]));
      });
      // No marks beyond the last column, and marks are lower-case x as the seed writes them.
      expect(raw.slice(matrix.columns.length + 1).some(isMarked)).toBe(false);
      expect(
        raw
          .slice(1)
          .filter((c) => c.trim() !== '')
          .every((c) => c.trim() === 'x'),
      ).toBe(true);
      expect(row.continuedInfringements).toBe(/^Continued infringements/.test(row.label));
    }
  };

  it('R003-146 every pupil sanctions row and mark matches the seed', () => {
    sanctionsAgainstSeed(pupils, 531);
    expect(seed[532]?.trim()).toBe('');
  });

  it('R003-147 every staff sanctions row and mark matches the seed', () => {
    expect(seed[539]?.trim()).toBe(staff.title);
    sanctionsAgainstSeed(staff, 560);
    expect(seed[561]?.trim()).toBe('');
  });

  it('R003-153 review table lines give the approvals and the due date', () => {
    const labels = ['ADOPTED BY WSAPC', 'RATIFIED BY GB', 'REVIEWED (annually)'];
    policy.review.approvals.forEach((a, i) => {
      expect(trimmed(588 + i)).toEqual([labels[i], a.asWritten]);
    });
    expect(trimmed(591)).toEqual(['REVIEW DUE', policy.review.nextReviewAsWritten]);
  });

  it('R003-152 each linked policy is on its seed line', () => {
    for (const p of policy.linkedPolicies) {
      expect(seed[p.source.line!]?.replace(/^-\s*/, '').trim()).toBe(p.title);
    }
  });

  it('prose rules quote their seed line', () => {
    for (const rule of policy.proseRules) {
      expect(seed[rule.source.line!], rule.id).toContain(rule.source.quote);
    }
  });

  it('named holders and sites appear on their cited lines', () => {
    expect(seed[51]).toContain('Ben Thomas');
    for (const site of policy.school.sites) expect(seed[site.source!.line!]).toContain('Chalkhill');
    expect(seed[74]).toContain('FortiGate');
    expect(seed[74]).toContain('eSafety4Schools');
  });
});
