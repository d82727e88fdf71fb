import { z } from 'zod';
import {
  ACCESS_ROUTES,
  FIRST_CONTACT,
  FOLLOW_UPS,
  INCIDENT_TYPES,
  PROTOCOL_KINDS,
  RELATIONSHIPS,
} from './options.ts';

/**
 * The incident report, after seed 001's appendix 7 ("Online safety incident reporting form"):
 * its questions and options as the school wrote them, with stable ids for storage. The protocol's
 * incident kinds (appendix 2) and how the incident first came to light are asked too.
 */

const ids = <T extends readonly { id: string }[]>(list: T) =>
  list.map((o) => o.id) as unknown as [T[number]['id'], ...T[number]['id'][]];

const text = (max: number) => z.string().trim().max(max);

export const involvedPerson = z.strictObject({
  /** The directory entry, where the person is in it. */
  personId: z.string().max(64).nullable().default(null),
  name: text(200).min(1, 'give a name, or a description such as "unknown adult"'),
  role: z.enum(['pupil', 'staff', 'parent', 'visitor', 'other']).default('other'),
  age: z.number().int().min(0).max(120).nullable().default(null),
  /** The one the concern is about, or who it happened to, or a witness. */
  involvement: z.enum(['subject', 'victim', 'witness', 'other']).default('other'),
});
export type InvolvedPerson = z.output<typeof involvedPerson>;

/**
 * A report as a member of staff submits it. Every field may be missing from a draft; `submit`
 * checks the ones a report needs (`reportProblems`).
 */
export const incidentReport = z.strictObject({
  reporter: z
    .strictObject({ name: text(200), phone: text(40), email: text(320) })
    .partial()
    .default({}),
  occurredOn: z.iso.date().nullable().default(null),
  place: text(300).nullable().default(null),
  description: text(20_000).nullable().default(null),
  involved: z.array(involvedPerson).max(50).default([]),
  relationship: z.enum(ids(RELATIONSHIPS)).nullable().default(null),
  types: z
    .array(z.enum(ids(INCIDENT_TYPES)))
    .max(6)
    .default([]),
  typeDetails: text(5000).nullable().default(null),
  accessRoutes: z
    .array(z.enum(ids(ACCESS_ROUTES)))
    .max(8)
    .default([]),
  actionPeople: text(5000).nullable().default(null),
  actionContent: text(5000).nullable().default(null),
  followUps: z
    .array(z.enum(ids(FOLLOW_UPS)))
    .max(5)
    .default([]),
  followUpDetails: text(5000).nullable().default(null),
  protocolKind: z
    .enum(PROTOCOL_KINDS.map((k) => k.id) as ['inappropriate-conduct'])
    .nullable()
    .default(null),
  firstContact: z.enum(ids(FIRST_CONTACT)).nullable().default(null),
  /** Happened outside school but linked to membership of it (R000-050, R001-070, R003-002). */
  outOfSchool: z.boolean().default(false),
  /** The reporter believes it may be illegal (suspected child abuse imagery, terrorism, ...). */
  suspectedIllegal: z.boolean().default(false),
  /** About the nudes protocol: the imagery is never uploaded. */
  nudes: z.boolean().default(false),
  /** Whether the concern is about a member of staff, or the headteacher: it decides who alone sees it. */
  aboutStaff: z.enum(['no', 'staff', 'headteacher']).default('no'),
});
export type IncidentReport = z.output<typeof incidentReport>;
export type IncidentReportInput = z.input<typeof incidentReport>;

export interface ReportProblem {
  path: string;
  reason: string;
}

/**
 * What a submitted report must have: enough for the DSL to act on, no more. A pupil's "I'm
 * worried" and a parent's report need only say what is wrong: the DSL asks the rest.
 */
export function reportProblems(r: IncidentReport, o: { simple?: boolean } = {}): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (!r.description) out.push({ path: 'description', reason: 'say what happened' });
  if (o.simple) return out;
  if (!r.occurredOn)
    out.push({ path: 'occurredOn', reason: 'give the date it happened (or the date you found out)' });
  if (r.involved.length === 0)
    out.push({ path: 'involved', reason: 'name at least one person involved, or describe them' });
  if (r.types.includes('other') && !r.typeDetails)
    out.push({ path: 'typeDetails', reason: 'give details of the "Other" type' });
  if (r.followUps.includes('other') && !r.followUpDetails)
    out.push({ path: 'followUpDetails', reason: 'give details of the "Other" follow-up' });
  return out;
}
