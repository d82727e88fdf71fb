import { describe, expect, it } from 'vitest';
import { training } from '../src/index.ts';

const courses = training.coursesFor('milford-haven');
const teacher: training.TrainingPerson = { kind: 'staff', roleKinds: [], startedOn: '2026-09-01' };
const dsl: training.TrainingPerson = { kind: 'staff', roleKinds: ['dsl'], startedOn: '2020-09-01' };
const governor: training.TrainingPerson = { kind: 'governor', roleKinds: [], startedOn: '2025-01-10' };
const of = (list: training.CourseStatus[], id: string) => list.find((s) => s.courseId === id)!;

describe('training catalogue (R000-057, R000-060, R003-113)', () => {
  it('starts every school from the common courses and adds what its seed names', () => {
    const ids = (t: string) => training.coursesFor(t).map((c) => c.id);
    for (const t of ['milford-haven', 'primary-advantage', 'westover', 'wsapc', 'st-john-payne', 'blank'])
      expect(ids(t)).toEqual(expect.arrayContaining(training.COMMON_COURSES.map((c) => c.id)));
    expect(ids('milford-haven')).toContain('e-safety-officer-updates');
    expect(ids('wsapc')).toContain('data-protection-role');
    expect(ids('primary-advantage')).toContain('headteacher-safeguarding');
    expect(training.coursesFor('milford-haven').find((c) => c.id === 'online-safety-induction')?.title).toBe(
      'e-Safety induction',
    );
    expect(training.coursesFor('westover').find((c) => c.id === 'dsl-training')?.source[0]).toBe(
      'seed 002 line 51',
    );
  });
});

describe('trainingStatus', () => {
  it('induction: due soon for a newcomer, overdue after the induction period, done for good once taken (R000-060)', () => {
    expect(
      of(training.trainingStatus(teacher, [], courses, '2026-09-10'), 'online-safety-induction'),
    ).toEqual({
      courseId: 'online-safety-induction',
      state: 'due-soon',
      lastCompletedOn: null,
      nextDueOn: '2026-10-01',
    });
    expect(
      of(training.trainingStatus(teacher, [], courses, '2026-10-02'), 'online-safety-induction').state,
    ).toBe('overdue');
    const done = of(
      training.trainingStatus(
        teacher,
        [{ courseId: 'online-safety-induction', completedOn: '2026-09-05' }],
        courses,
        '2030-01-01',
      ),
      'online-safety-induction',
    );
    expect(done).toEqual({
      courseId: 'online-safety-induction',
      state: 'done',
      lastCompletedOn: '2026-09-05',
      nextDueOn: null,
    });
  });

  it('annual: done, then due soon within 30 days of the anniversary, then overdue; the latest record counts', () => {
    const records = [
      { courseId: 'online-safety-refresher', completedOn: '2025-03-01' },
      { courseId: 'online-safety-refresher', completedOn: '2026-03-01' },
    ];
    const at = (d: string) =>
      of(training.trainingStatus(teacher, records, courses, d), 'online-safety-refresher');
    expect(at('2026-06-01')).toMatchObject({
      state: 'done',
      lastCompletedOn: '2026-03-01',
      nextDueOn: '2027-03-01',
    });
    expect(at('2027-01-29').state).toBe('done');
    expect(at('2027-01-30').state).toBe('due-soon');
    expect(at('2027-03-01').state).toBe('due-soon');
    expect(at('2027-03-02').state).toBe('overdue');
  });

  it('biennial: DSL training is due two years after the last (KCSIE; R000-040, R002-029)', () => {
    const records = [{ courseId: 'dsl-training', completedOn: '2024-02-29' }];
    const s = of(training.trainingStatus(dsl, records, courses, '2025-06-01'), 'dsl-training');
    expect(s).toMatchObject({ state: 'done', nextDueOn: '2026-02-28' });
    expect(of(training.trainingStatus(dsl, records, courses, '2026-03-01'), 'dsl-training').state).toBe(
      'overdue',
    );
    // A DSL who has never had it, long after starting: overdue.
    expect(of(training.trainingStatus(dsl, [], courses, '2026-12-01'), 'dsl-training').state).toBe('overdue');
  });

  it('not required: a teacher needs no DSL training and a governor no staff induction (R000-063)', () => {
    const t = training.trainingStatus(teacher, [], courses, '2026-09-10');
    expect(of(t, 'dsl-training')).toEqual({
      courseId: 'dsl-training',
      state: 'not-required',
      lastCompletedOn: null,
      nextDueOn: null,
    });
    const g = training.trainingStatus(governor, [], courses, '2026-09-10');
    expect(of(g, 'online-safety-induction').state).toBe('not-required');
    expect(of(g, 'governor-training').state).toBe('overdue');
    expect(of(g, 'cyber-security').state).toBe('overdue');
    // Taken though not required: still shown as done.
    expect(
      of(
        training.trainingStatus(
          teacher,
          [{ courseId: 'dsl-training', completedOn: '2026-09-02' }],
          courses,
          '2026-09-10',
        ),
        'dsl-training',
      ).state,
    ).toBe('done');
  });

  it('due soon honours a shorter look-ahead', () => {
    const records = [{ courseId: 'cyber-security', completedOn: '2025-10-01' }];
    expect(
      of(training.trainingStatus(teacher, records, courses, '2026-09-10', 7), 'cyber-security').state,
    ).toBe('done');
    expect(
      of(training.trainingStatus(teacher, records, courses, '2026-09-25', 7), 'cyber-security').state,
    ).toBe('due-soon');
  });

  it('isoWeek names the week a reminder belongs to', () => {
    expect(training.isoWeek('2026-12-01')).toBe('2026-W49');
    expect(training.isoWeek('2026-12-06')).toBe('2026-W49');
    expect(training.isoWeek('2026-12-07')).toBe('2026-W50');
    expect(training.isoWeek('2027-01-01')).toBe('2026-W53');
    expect(training.isoWeek('2021-01-03')).toBe('2020-W53');
  });
});

describe('training-needs audit (R000-058, R000-059, R003-043)', () => {
  const ratings = Object.fromEntries(training.AUDIT_AREAS.map((a) => [a.id, 3]));
  it('turns low confidence into needs and summarises across staff', () => {
    const a = training.auditAnswers.parse({ ratings: { ...ratings, nudes: 1, 'data-security': 2 } });
    expect(training.auditNeeds(a)).toEqual(['nudes', 'data-security']);
    const b = training.auditAnswers.parse({
      ratings: { ...ratings, nudes: 4 },
      performanceManagement: 'Filtering',
    });
    const summary = training.auditSummary([a, b]);
    expect(summary.find((s) => s.areaId === 'nudes')).toEqual({ areaId: 'nudes', needing: 1, average: 2.5 });
  });
  it('refuses a rating out of range or an area missing, naming the field', () => {
    const r = training.auditAnswers.safeParse({ ratings: { ...ratings, policy: 5 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['ratings', 'policy']);
    const { policy: _p, ...missing } = ratings;
    expect(training.auditAnswers.safeParse({ ratings: missing }).error?.issues[0]?.path).toEqual([
      'ratings',
      'policy',
    ]);
  });
});
