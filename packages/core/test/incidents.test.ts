/**
 * The incident procedure's pure rules: sanctions recommended row by row from each seed school's
 * matrices, read against the seed text itself; escalation for continued infringements; the five
 * criteria of the nudes protocol; the flowchart's first decision; routing of concerns about staff;
 * and the 72-hour clock for data breaches.
 */
import { describe, expect, it } from 'vitest';
import {
  assessNudes,
  breachClock,
  dueReminders,
  findSanctionsRow,
  incidentReport,
  initialPath,
  missingSteps,
  NUDES_CRITERIA,
  nudesReview,
  recommendSanctions,
  reportProblems,
  routeIncident,
  sanctionsMatrixFor,
} from '../src/incidents/index.ts';
import { template } from '../src/policy/templates/index.ts';
import { cellsOf, isMarked, SEEDS_MISSING_MESSAGE, seedLines } from './seed-text.ts';

const SCHOOLS = [
  { id: 'milford-haven', seed: '000_5dc4f1688d9d3a79.txt', req: { pupil: 'R000-130', staff: 'R000-131' } },
  { id: 'wsapc', seed: '003_7b798a0a21d1a361.txt', req: { pupil: 'R003-146', staff: 'R003-147' } },
] as const;

describe('sanctions recommended from the seed matrices, read against the seed text', () => {
  for (const school of SCHOOLS) {
    const doc = template(school.id)!;
    const lines = seedLines(school.seed);
    for (const audience of ['pupil', 'staff'] as const) {
      const found = sanctionsMatrixFor(doc, audience)!;
      const m = found.matrix;
      const seedMarks = (line: number): string[] => {
        const header = cellsOf(lines![m.source.line!]!).map((c) => c.trim());
        const cells = cellsOf(lines![line]!);
        return header.slice(1).filter((_, i) => isMarked(cells[i + 1]));
      };
      const continued = m.rows.find((r) => r.continuedInfringements)!;
      describe(`${school.req[audience]} ${school.id} ${audience}: ${m.title}`, () => {
        it.skipIf(!lines)(`${lines ? 'every' : SEEDS_MISSING_MESSAGE}`, () => {});
        for (const row of m.rows) {
          it.skipIf(!lines)(`${row.id}: the columns the seed marks, then with a prior warning`, () => {
            // Named by a start of its label, as a teacher would type it, where that start is unique.
            const start = row.label.slice(0, 40);
            const lookup = findSanctionsRow(m, start);
            const named = lookup.ok
              ? lookup.row
              : (findSanctionsRow(m, row.label) as { ok: true; row: typeof row }).row;
            expect(named.id).toBe(row.id);
            const plain = recommendSanctions(found.key, m, named, 0);
            expect(plain).toMatchObject({ row: row.label, escalated: false, escalatedBy: null });
            expect(plain.actions).toEqual(seedMarks(row.source.line!));
            const again = recommendSanctions(found.key, m, named, 2);
            const union = new Set([...seedMarks(row.source.line!), ...seedMarks(continued.source.line!)]);
            expect(again.escalated).toBe(true);
            expect(again.actions).toEqual(m.columns.filter((c) => union.has(c)));
            expect(again.escalatedBy?.row).toBe(continued.label);
          });
        }
      });
    }
  }
});

describe('finding a sanctions row', () => {
  const m = template('milford-haven')!.matrices.pupilSanctions!;
  it('takes the id, the whole label or a unique start, ignoring case and spacing', () => {
    expect(findSanctionsRow(m, 'using-proxy-sites')).toMatchObject({ ok: true });
    expect(findSanctionsRow(m, '  using PROXY   sites')).toMatchObject({
      ok: true,
      row: { id: 'using-proxy-sites' },
    });
  });
  it('says which rows a start fits when it fits more than one, and nothing for no match', () => {
    const both = findSanctionsRow(m, 'Deliberately accessing');
    expect(both).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(both.ok ? [] : both.candidates).toHaveLength(2);
    expect(findSanctionsRow(m, 'eating lunch in the library')).toEqual({
      ok: false,
      reason: 'no-match',
      candidates: [],
    });
    expect(findSanctionsRow(m, '   ')).toMatchObject({ ok: false, reason: 'no-match' });
  });
  it('finds no matrix for a school whose policy has none (Westover, Primary Advantage, St John Payne)', () => {
    for (const id of ['westover', 'primary-advantage', 'st-john-payne'])
      for (const audience of ['pupil', 'staff'] as const)
        expect(sanctionsMatrixFor(template(id)!, audience)).toBeNull();
  });
});

describe('R001-075 the five criteria for an immediate referral', () => {
  const none = Object.fromEntries(NUDES_CRITERIA.map((c) => [c, false])) as Record<
    (typeof NUDES_CRITERIA)[number],
    boolean
  >;
  it('refers when any one holds, naming those that do, in order', () => {
    expect(assessNudes(none)).toEqual({ referImmediately: false, criteria: [] });
    for (const c of NUDES_CRITERIA)
      expect(assessNudes({ ...none, [c]: true })).toEqual({ referImmediately: true, criteria: [c] });
    expect(assessNudes({ ...none, immediateRisk: true, adultInvolved: true }).criteria).toEqual([
      'adultInvolved',
      'immediateRisk',
    ]);
  });
  const review = {
    meetingAt: '2026-11-23T10:00:00Z',
    attendees: ['DSL'],
    evidenceConsidered: 'What the pupil told their form tutor',
    risk: {},
    decisions: {},
    reasons: 'No criterion holds; the pupils and parents are supported in school.',
  };
  it('R001-076 records a decision not to refer only when no criterion holds, and always with reasons', () => {
    expect(nudesReview.safeParse({ ...review, criteria: none, decision: 'school-response' }).success).toBe(
      true,
    );
    const refused = nudesReview.safeParse({
      ...review,
      criteria: { ...none, underThirteen: true },
      decision: 'school-response',
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['decision']);
    expect(nudesReview.safeParse({ ...review, reasons: '', criteria: none, decision: 'refer' }).success).toBe(
      false,
    );
  });
  it('R001-078 records who viewed imagery and why, and defaults to nobody', () => {
    expect(nudesReview.parse({ ...review, criteria: none, decision: 'refer' }).imageryViewed).toBeNull();
  });
});

describe('R001-239..245 the report form', () => {
  it('keeps a draft with nothing in it, and says what a submitted report still needs', () => {
    const draft = incidentReport.parse({});
    expect(reportProblems(draft).map((p) => p.path)).toEqual(['description', 'occurredOn', 'involved']);
    const full = incidentReport.parse({
      occurredOn: '2026-11-20',
      description: 'Offensive messages in a class group chat',
      involved: [{ name: 'A pupil', role: 'pupil', age: 12, involvement: 'victim' }],
      relationship: 'child-on-child',
      types: ['bullying', 'other'],
      accessRoutes: ['school-mobile'],
    });
    expect(reportProblems(full)).toEqual([
      { path: 'typeDetails', reason: 'give details of the "Other" type' },
    ]);
  });
  it('R000-049 asks a pupil or a parent only what is wrong', () => {
    const worry = incidentReport.parse({ description: 'Someone keeps messaging me' });
    expect(reportProblems(worry, { simple: true })).toEqual([]);
    expect(reportProblems(incidentReport.parse({}), { simple: true }).map((p) => p.path)).toEqual([
      'description',
    ]);
  });
  it('refuses an option the form does not have', () => {
    expect(incidentReport.safeParse({ relationship: 'pupil on teacher' }).success).toBe(false);
    expect(incidentReport.safeParse({ types: ['hacking'] }).success).toBe(false);
  });
});

describe('R000-119 R003-136 the flowchart', () => {
  it('takes the illegal path for a suspected illegal report, an illegal-list hit or grooming', () => {
    expect(initialPath({ suspectedIllegal: true, types: [] })).toBe('illegal');
    expect(initialPath({ suspectedIllegal: false, types: [], fromIllegalHit: true })).toBe('illegal');
    expect(initialPath({ suspectedIllegal: false, types: ['grooming'] })).toBe('illegal');
    expect(initialPath({ suspectedIllegal: false, types: ['bullying'] })).toBe('inappropriate');
  });
  it('R000-120 R000-121 will not close until the required steps are recorded', () => {
    expect(missingSteps('illegal', new Set()).map((s) => s.id)).toEqual([
      'stop',
      'preserve',
      'isolate-device',
      'refer-police',
      'investigation-team',
      'review',
    ]);
    expect(
      missingSteps(
        'inappropriate',
        new Set([
          'preserve',
          'investigation-team',
          'designated-computer',
          'conclusion',
          'sanctions',
          'review',
        ]),
      ),
    ).toEqual([]);
  });
});

describe('R001-066 R001-067 routing', () => {
  it('sends a concern about staff only to the headteacher, and about the headteacher only to the chair of governors', () => {
    expect(routeIncident({ aboutStaff: true, aboutHeadteacher: false })).toMatchObject({
      restriction: 'headteacher',
      ladoStep: true,
    });
    expect(routeIncident({ aboutStaff: true, aboutHeadteacher: true })).toMatchObject({
      restriction: 'chair-of-governors',
      holders: ['chair-of-governors'],
    });
    expect(routeIncident({ aboutStaff: false, aboutHeadteacher: false }).audience).toContain('dsl');
  });
});

describe('R003-110 the 72-hour clock', () => {
  const aware = '2026-11-23T09:00:00.000Z';
  const at = (h: number) => new Date(Date.parse(aware) + h * 3_600_000);
  it('runs from awareness, is due soon in its last 12 hours, then overdue', () => {
    const b = { awareAt: aware, reportedToIcoAt: null, notReportableReason: null };
    expect(breachClock(b, at(1))).toMatchObject({
      state: 'running',
      deadline: '2026-11-26T09:00:00.000Z',
      remainingMs: 71 * 3_600_000,
    });
    expect(breachClock(b, at(61)).state).toBe('due-soon');
    expect(breachClock(b, at(73))).toMatchObject({ state: 'overdue', late: true });
  });
  it('stops when reported (saying whether late) or judged not reportable', () => {
    expect(
      breachClock(
        { awareAt: aware, reportedToIcoAt: at(80).toISOString(), notReportableReason: null },
        at(90),
      ),
    ).toMatchObject({
      state: 'reported',
      reportedAfterHours: 80,
      late: true,
    });
    expect(
      breachClock({ awareAt: aware, reportedToIcoAt: null, notReportableReason: 'encrypted laptop' }, at(90))
        .state,
    ).toBe('not-reportable');
  });
  it('gives the reminders that have come due and not been sent', () => {
    expect(dueReminders(aware, [], at(50))).toEqual([24, 48]);
    expect(dueReminders(aware, [24], at(50))).toEqual([48]);
  });
});
