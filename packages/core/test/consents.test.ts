/**
 * Consents (R001-233 to R001-238, R000-090, R003-093, R004-072, R004-084): the purposes each
 * school's policy asks for, their labels checked against the seeds, the school's "no response"
 * default shown as assumed and never as given, and the publishing check pupil by pupil.
 */
import { describe, expect, it } from 'vitest';
import {
  ANSWER_FOR_STATE,
  type ConsentRecordLike,
  consentPurpose,
  consentState,
  consentTemplate,
  consentTemplateIds,
  decisionProblem,
  noResponseDefault,
  publishingCheck,
  SILENCE_IS_NOT_CONSENT,
} from '../src/consents/index.ts';
import { templateSummaries } from '../src/policy/templates/index.ts';
import { SEEDS_MISSING_MESSAGE, seedLines } from './seed-text.ts';

/** The seed's markup (**bold**, *italic*) and runs of spaces do not count. */
const plain = (text: string) => text.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();

const record = (over: Partial<ConsentRecordLike> = {}): ConsentRecordLike => ({
  purpose: 'school-photos',
  decision: 'given',
  decidedOn: '2026-09-01',
  seq: 1,
  parentName: 'Sam Patel',
  relationship: 'mother',
  method: 'paper-form',
  recordedBy: 'office@school.example',
  ...over,
});

describe('consent purposes per school', () => {
  it('has a list for every school policy template', () => {
    const schools = templateSummaries()
      .map((t) => t.id)
      .filter((id) => id !== 'blank');
    expect(consentTemplateIds().sort()).toEqual(schools.sort());
  });

  it("keeps every question, default and form field in the seed's own words, on the line cited", () => {
    for (const id of consentTemplateIds()) {
      const t = consentTemplate(id);
      const labels = [
        ...t.purposes.flatMap((p) => [p.question, ...(p.noResponseSource ? [p.noResponseSource] : [])]),
        ...(t.form.heading ? [t.form.heading] : []),
        ...t.form.fields,
      ];
      const lines = seedLines(t.seed);
      if (!lines) {
        console.warn(SEEDS_MISSING_MESSAGE);
        return;
      }
      for (const l of labels) {
        expect(l.source.seed).toBe(t.seed);
        expect(plain(lines[l.source.line] ?? ''), `${id} line ${l.source.line}`).toContain(plain(l.label));
      }
      for (const p of t.purposes) {
        for (const u of p.uses) expect(p.question.label).toContain(u.label);
        const near = plain(`${lines[p.question.source.line]} ${lines[p.question.source.line + 1]}`);
        if (p.options.length > 0) expect(near).toContain(p.options.join(' '));
      }
    }
  });

  it('gives seed 001 its three appendix 6 questions and their form fields', () => {
    const t = consentTemplate('primary-advantage');
    expect(t.purposes.map((p) => p.id)).toEqual([
      'school-photos',
      'third-party-photos',
      'supervised-internet',
    ]);
    expect(t.form.fields.map((f) => f.label)).toEqual([
      'Parent/Carer Name:',
      'Parent/Carer Signature:',
      "Child's Name:",
      "Child's Year:",
      'Date',
    ]);
  });

  it('reads the 001 no-response line as deemed consent for school and Trust photos only', () => {
    const school = consentPurpose('primary-advantage', 'school-photos')!;
    const third = consentPurpose('primary-advantage', 'third-party-photos')!;
    const internet = consentPurpose('primary-advantage', 'supervised-internet')!;
    expect(noResponseDefault(school)).toBe('assumed');
    expect(noResponseDefault(third, 'hackney-learning-trust')).toBe('assumed');
    expect(noResponseDefault(third, 'press-publicity')).toBe('none');
    expect(noResponseDefault(third, 'educational-companies')).toBe('none');
    expect(noResponseDefault(third)).toBe('none');
    expect(noResponseDefault(internet)).toBe('none');
    expect(() => noResponseDefault(third, 'nope')).toThrow(/no use "nope"/);
  });

  it('needs written permission (no default) at the other schools, and asks nothing at Westover', () => {
    for (const id of ['milford-haven', 'wsapc', 'st-john-payne'])
      for (const p of consentTemplate(id).purposes)
        expect(noResponseDefault(p), `${id} ${p.id}`).toBe('none');
    expect(consentTemplate('westover').purposes).toEqual([]);
    expect(consentTemplate('blank').purposes).toEqual([]);
    for (const id of ['milford-haven', 'primary-advantage', 'wsapc', 'st-john-payne'])
      expect(consentTemplate(id).purposes.filter((p) => p.website)).toHaveLength(1);
  });
});

describe('consentState', () => {
  it('shows no response as assumed where the school says so, and none elsewhere', () => {
    expect(consentState([], 'school-photos', 'assumed')).toEqual({
      state: 'assumed',
      record: null,
      since: null,
      by: null,
    });
    expect(consentState([], 'school-photos', 'none').state).toBe('none');
    expect(consentState([record({ purpose: 'other' })], 'school-photos', 'none').state).toBe('none');
  });

  it('takes the latest decision, by decision date then by order of recording', () => {
    const given = record({ seq: 1, decidedOn: '2026-09-01' });
    const withdrawn = record({
      seq: 2,
      decidedOn: '2026-10-01',
      decision: 'withdrawn',
      method: 'parent-online',
    });
    const oldPaper = record({ seq: 3, decidedOn: '2026-09-15', decision: 'given' });
    const s = consentState([given, withdrawn, oldPaper], 'school-photos', 'assumed');
    expect(s.state).toBe('withdrawn');
    expect(s.record).toBe(withdrawn);
    expect(s.since).toBe('2026-10-01');
    expect(s.by).toBe('Sam Patel (mother)');
    const sameDay = record({ seq: 4, decidedOn: '2026-10-01', decision: 'given', relationship: null });
    expect(consentState([withdrawn, sameDay], 'school-photos', 'none')).toMatchObject({
      state: 'given',
      by: 'Sam Patel',
    });
  });

  it('lets only a consent (given or assumed) be withdrawn', () => {
    expect(decisionProblem('given', 'withdrawn')).toBeNull();
    expect(decisionProblem('assumed', 'withdrawn')).toBeNull();
    expect(decisionProblem('none', 'withdrawn')).toMatch(/no consent to withdraw/);
    expect(decisionProblem('refused', 'withdrawn')).toMatch(/no consent to withdraw/);
    expect(decisionProblem('none', 'given')).toBeNull();
    expect(decisionProblem('withdrawn', 'given')).toBeNull();
  });
});

describe('publishingCheck', () => {
  const pupil = (pupilId: string, records: ConsentRecordLike[], dflt: 'assumed' | 'none' = 'assumed') => ({
    pupilId,
    name: `Pupil ${pupilId}`,
    state: consentState(records, 'school-photos', dflt),
  });

  it('answers pupil by pupil, keeping assumed apart from yes, with the GDPR warning', () => {
    const check = publishingCheck(
      [
        pupil('a', [record()]),
        pupil('b', [record({ decision: 'refused' })]),
        pupil('c', [record(), record({ seq: 2, decidedOn: '2026-11-01', decision: 'withdrawn' })]),
        pupil('d', []),
        pupil('e', [], 'none'),
      ],
      'school-photos',
    );
    expect(check.rows.map((r) => [r.pupilId, r.answer])).toEqual([
      ['a', 'yes'],
      ['b', 'no'],
      ['c', 'no'],
      ['d', 'assumed'],
      ['e', 'unknown'],
    ]);
    expect(check.rows[0]).toMatchObject({ since: '2026-09-01', by: 'Sam Patel (mother)' });
    expect(check.rows[3]).toMatchObject({ since: null, by: null });
    expect(check.counts).toEqual({ yes: 1, no: 2, assumed: 1, unknown: 1 });
    expect(check.allYes).toBe(false);
    expect(check.warning).toBe(SILENCE_IS_NOT_CONSENT);
    expect(SILENCE_IS_NOT_CONSENT).toMatch(/Article 4\(11\).*Article 7.*ICO/);
  });

  it('says all yes only when every pupil has consent given, and warns only about assumed', () => {
    const all = publishingCheck([pupil('a', [record()]), pupil('b', [record()])], 'school-photos');
    expect(all).toMatchObject({ allYes: true, warning: null });
    expect(publishingCheck([], 'school-photos').allYes).toBe(false);
    expect(publishingCheck([pupil('d', [])], 'school-photos').allYes).toBe(false);
    expect(Object.values(ANSWER_FOR_STATE)).not.toContain(undefined);
  });
});
