import { describe, expect, it } from 'vitest';
import {
  CsvError,
  type ExistingPerson,
  findInvalidUtf8,
  mapColumns,
  parseCsv,
  parseDate,
  parseMappingOverride,
  planImport,
  readCsv,
} from '../src/directory/index.ts';

/* Requirements: the directory from MIS CSV exports (issue 6, point 5). */

describe('CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"two, and ""three""","multi\r\nline"\r\n\r\n4,,6\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two, and "three"', 'multi\nline'] },
      { line: 5, cells: ['4', '', '6'] },
    ]);
  });

  it('reads LF files, a last line without a line end, and an empty quoted field', () => {
    expect(parseCsv('a,b\n"",x')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['', 'x'] },
    ]);
  });

  it('names the line of an unclosed quote or a stray one', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(
      new CsvError(2, 'a quoted field is never closed (a " is missing)'),
    );
    expect(() => parseCsv('a,b\n1,2\n3,x"y\n')).toThrow(/^line 3: a quote/);
    expect(() => parseCsv('a,b\n"1"x,2\n')).toThrow(/^line 2: text after a closing quote/);
    expect(() => readCsv('\n\n')).toThrow(/line 1: the file is empty/);
  });
});

describe('encoding check', () => {
  it('accepts UTF-8 and names the line and column of the first bad byte', () => {
    expect(findInvalidUtf8(new TextEncoder().encode('Zoë,Brontë\nŁukasz,😀'))).toBeNull();
    // "Zoë" in Windows-1252 is 5a 6f eb: 0xEB starts a three-byte sequence that never comes.
    const bytes = new Uint8Array([...new TextEncoder().encode('UPN,Forename\nA1,Zo'), 0xeb, 0x0a]);
    expect(findInvalidUtf8(bytes)).toEqual({ line: 2, column: 6, byte: 'eb' });
    expect(findInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toEqual({ line: 1, column: 1, byte: 'c0' });
    expect(findInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).not.toBeNull();
  });
});

describe('column mapping', () => {
  it('recognises SIMS and Arbor spellings and lists the columns it leaves', () => {
    const sims = mapColumns('pupils', [
      'Adno',
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'Preferred Forename',
      'Reg',
      'Year',
      'Gender',
    ]);
    expect(sims.columns.map((c) => [c.header, c.field])).toEqual([
      ['Adno', null],
      ['UPN', 'misId'],
      ['Legal Surname', 'familyName'],
      ['Legal Forename', 'givenName'],
      ['Preferred Forename', 'preferredName'],
      ['Reg', 'className'],
      ['Year', 'yearGroup'],
      ['Gender', null],
    ]);
    expect(sims.missing).toEqual([]);
    const arbor = mapColumns('pupils', [
      'MIS ID',
      'First name',
      'Last name',
      'Year group',
      'Registration form',
    ]);
    expect(arbor.missing).toEqual([]);
    expect(
      mapColumns('staff', ['Staff Code', 'Title', 'Forename', 'Surname', 'Job Title']).columns.map(
        (c) => c.field,
      ),
    ).toEqual(['misId', 'title', 'givenName', 'familyName', 'roles']);
    expect(
      mapColumns('parents', [
        'Contact ID',
        'Forename',
        'Surname',
        'Pupil UPN',
        'Relationship',
        'Priority',
        'Parental Responsibility',
      ]).missing,
    ).toEqual([]);
    expect(
      mapColumns('governors', [
        'Governor ID',
        'Forename',
        'Surname',
        'Type of governor',
        'Email',
      ]).columns.map((c) => c.field),
    ).toEqual(['misId', 'givenName', 'familyName', 'governorType', 'email']);
  });

  it('takes an override, which can also ignore a column, and says what is missing', () => {
    const mapped = mapColumns(
      'pupils',
      ['Pupil Ref', 'Forename', 'Surname', 'Year', 'Form'],
      parseMappingOverride('Pupil Ref=misId, Form='),
    );
    expect(mapped.columns.map((c) => c.field)).toEqual([
      'misId',
      'givenName',
      'familyName',
      'yearGroup',
      null,
    ]);
    expect(mapColumns('pupils', ['Forename', 'Surname']).missing).toEqual(['misId', 'yearGroup']);
    expect(mapColumns('pupils', ['UPN'], { Nope: 'misId', UPN: 'shoeSize' }).problems).toEqual([
      { column: 'Nope', reason: 'is not a column of this file' },
      { column: 'UPN', reason: expect.stringMatching(/^"shoeSize" is not a field of a pupils import/) },
    ]);
    expect(() => parseMappingOverride('UPN')).toThrow(/COLUMN=field/);
  });
});

const existingPupil = (misId: string, extra: Partial<ExistingPerson> = {}): ExistingPerson => ({
  id: `id-${misId}`,
  misId,
  givenName: 'Ada',
  familyName: 'Lovelace',
  displayName: 'Ada Lovelace',
  email: null,
  yearGroup: 'Year 5',
  className: '5L',
  leftOn: null,
  ...extra,
});

describe('planImport', () => {
  const header = 'UPN,Legal Forename,Legal Surname,Year,Reg Group,Leaving Date,Email\r\n';

  it('adds, updates field by field, counts the unchanged and finds leavers', () => {
    const csv = readCsv(
      `${header}A1,Ada,Lovelace,Y5,5L,,\r\nA2,Alan,Turing,Yr 6,6T,,alan@example.org\r\nA3,Grace,Hopper,R,RH,,\r\nA4,Mary,Somerville,Year 6,6T,20/07/2026,\r\n`,
    );
    const plan = planImport('pupils', csv, {
      existing: [
        existingPupil('A1'),
        existingPupil('A2', {
          givenName: 'Alan',
          familyName: 'Turing',
          displayName: 'Alan Turing',
          yearGroup: 'Year 5',
          className: '5L',
        }),
        existingPupil('A4', {
          givenName: 'Mary',
          familyName: 'Somerville',
          displayName: 'Mary Somerville',
          yearGroup: 'Year 6',
          className: '6T',
        }),
        existingPupil('A9', { displayName: 'Gone Away' }),
        existingPupil('A8', { leftOn: '2026-01-01' }),
        existingPupil('M1', { misId: null }),
      ],
      full: true,
      today: '2026-12-02',
    });
    expect(plan.problems).toEqual([]);
    expect(plan.add).toEqual([
      {
        line: 4,
        misId: 'A3',
        values: {
          givenName: 'Grace',
          familyName: 'Hopper',
          displayName: 'Grace Hopper',
          email: null,
          yearGroup: 'Reception',
          className: 'RH',
          leftOn: null,
        },
      },
    ]);
    expect(plan.update).toEqual([
      {
        line: 3,
        id: 'id-A2',
        misId: 'A2',
        displayName: 'Alan Turing',
        changes: [
          { field: 'email', from: null, to: 'alan@example.org' },
          { field: 'yearGroup', from: 'Year 5', to: 'Year 6' },
          { field: 'className', from: '5L', to: '6T' },
        ],
      },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.leavers.map((l) => [l.misId, l.leftOn, l.reason, l.line])).toEqual([
      ['A4', '2026-07-20', 'leaving-date', 5],
      ['A9', '2026-12-02', 'absent', null],
    ]);
  });

  it('leaves absent people alone when the import is not full', () => {
    const plan = planImport('pupils', readCsv(`${header}A1,Ada,Lovelace,Y5,5L,,\r\n`), {
      existing: [existingPupil('A1'), existingPupil('A9')],
      today: '2026-12-02',
    });
    expect(plan.leavers).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it('reports each bad row by line, field and reason', () => {
    const csv = readCsv(
      `${header}A1,Ada,Lovelace,Year 14,5L,,\r\nA2,,Turing,Y6,6T,,\r\nA3,Grace,Hopper,R,RH,31/02/2026,\r\nA1,Ada,Again,Y5,5L,,\r\nA5,Mary,Somerville,Y6,6T,,mary@\r\nA6,Too,Short\r\nA7,Zo\uFFFD,Brown,Y6,6T,,\r\nA8,Nursery,Child,N1,N,,\r\n`,
    );
    const plan = planImport('pupils', csv, {
      existing: [],
      today: '2026-12-02',
      yearGroups: ['Reception', 'Year 1', 'Year 5', 'Year 6'],
    });
    expect(plan.problems.map((p) => [p.line, p.field, p.column, p.reason])).toEqual([
      [
        2,
        'yearGroup',
        'Year',
        '"Year 14" is not a year group: expected Reception or Year 1 to Year 13 (R, Y5, Yr 9, 10)',
      ],
      [2, 'misId', 'UPN', 'the MIS id "A1" is also on line 5'],
      [3, 'givenName', 'Legal Forename', 'is required but empty'],
      [4, 'leftOn', 'Leaving Date', '"31/02/2026" is not a date: expected DD/MM/YYYY or YYYY-MM-DD'],
      [5, 'misId', 'UPN', 'the MIS id "A1" is also on line 2'],
      [6, 'email', 'Email', '"mary@" is not an e-mail address'],
      [7, null, null, 'has 3 fields where the header has 7'],
      [7, 'yearGroup', 'Year', 'is required but empty'],
      [
        8,
        'givenName',
        'Legal Forename',
        'holds a character that could not be decoded: the file may not be UTF-8 (try windows-1252)',
      ],
      [
        9,
        'yearGroup',
        'Year',
        '"N1" is not a year group: expected Reception or Year 1 to Year 13 (R, Y5, Yr 9, 10)',
      ],
    ]);
    expect(plan.badLines).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(plan.add).toEqual([]);
    expect(plan.importable).toBe(true);

    const outside = planImport('pupils', readCsv(`${header}B1,Ann,Other,Y9,9A,,\r\n`), {
      existing: [],
      today: '2026-12-02',
      yearGroups: ['Year 5'],
    });
    expect(outside.problems[0]?.reason).toBe("Year 9 is not a year group this school's policy covers");
  });

  it('refuses an MIS id that someone of another kind holds (MIS ids are unique in a school)', () => {
    const plan = planImport(
      'parents',
      readCsv('Contact ID,Forename,Surname,Pupil UPN\n1001,Pat,Lee,1001\n'),
      {
        existing: [],
        pupils: [{ id: 'p1', misId: '1001' }],
        otherMisIds: new Set(['1001']),
        today: '2026-12-02',
      },
    );
    expect(plan.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [
        2,
        'misId',
        'the MIS id "1001" already belongs to someone in the directory who is not one of the parents',
      ],
    ]);
    expect(plan.add).toEqual([]);
  });

  it('refuses a file missing a required column before looking at any row', () => {
    const plan = planImport('pupils', readCsv('UPN,Forename,Surname\r\nA1,Ada,Lovelace\r\n'), {
      existing: [],
      today: '2026-12-02',
    });
    expect(plan.importable).toBe(false);
    expect(plan.problems).toEqual([
      {
        line: 1,
        field: 'yearGroup',
        column: null,
        reason: 'no column holds the yearGroup (required): name one with the mapping',
      },
    ]);
  });

  it('links contacts to pupils, once per child, and refuses an unknown pupil', () => {
    const csv = readCsv(
      'Contact ID,Forename,Surname,Pupil UPN,Relationship,Email\nC1,Pat,Lovelace,A1,Mother,pat@example.org\nC1,Pat,Lovelace,A2,Mother,pat@example.org\nC2,Sam,Turing,A9,Father,\nC1,Pat,Lovelace,A2,Mother,pat@example.org\nC3,Lee,Hopper,A2,Carer,\n',
    );
    const plan = planImport('parents', csv, {
      existing: [
        {
          ...existingPupil('C3'),
          givenName: 'Lee',
          familyName: 'Hopper',
          displayName: 'Lee Hopper',
          yearGroup: null,
          className: null,
          wards: [{ pupilMisId: 'A2', relationship: 'Carer' }],
        },
      ],
      pupils: [
        { id: 'p1', misId: 'A1' },
        { id: 'p2', misId: 'A2' },
      ],
      today: '2026-12-02',
    });
    expect(plan.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [4, 'pupilMisId', 'no pupil in the directory has the MIS id "A9": import the pupils first'],
      [5, 'pupilMisId', 'contact "C1" is linked to pupil "A2" already on line 3'],
    ]);
    expect(plan.add.map((a) => a.misId)).toEqual(['C1']);
    expect(plan.links.add.map((l) => [l.parentMisId, l.pupilId, l.relationship])).toEqual([
      ['C1', 'p1', 'Mother'],
      ['C1', 'p2', 'Mother'],
    ]);
    expect(plan.links.unchanged).toBe(1);
    expect(plan.unchanged).toBe(1);
  });

  it("gives staff the policy's roles by title, case-insensitively, and refuses others", () => {
    const csv = readCsv(
      'Staff Code,Forename,Surname,Role\nS1,Ann,Head,headteacher; e-Safety Officer\nS2,Bob,Teach,Class Teacher\n',
    );
    const plan = planImport('staff', csv, {
      existing: [],
      roles: [
        { id: 'headteacher', title: 'Headteacher' },
        { id: 'e-safety-officer', title: 'e-Safety Officer' },
      ],
      today: '2026-12-02',
    });
    expect(plan.roles.add.map((r) => [r.misId, r.policyRoleId])).toEqual([
      ['S1', 'headteacher'],
      ['S1', 'e-safety-officer'],
    ]);
    expect(plan.problems).toEqual([
      {
        line: 3,
        field: 'roles',
        column: 'Role',
        reason: `"Class Teacher" is not a role in the school's approved policy (roles: Headteacher; e-Safety Officer)`,
      },
    ]);
  });

  it('reads UK and ISO dates and refuses impossible ones', () => {
    expect(
      ['31/08/2026', '1-9-2026', '2026-09-01', '2026-09-01T00:00:00', '31.12.2026'].map(parseDate),
    ).toEqual(['2026-08-31', '2026-09-01', '2026-09-01', '2026-09-01', '2026-12-31']);
    expect(['29/02/2027', '31/08/26', 'next week'].map(parseDate)).toEqual([null, null, null]);
  });
});
