import type { NoResponseDefault } from './purposes.ts';

/**
 * A pupil's consent for one purpose, worked out from the records (append-only: a change of mind is
 * a new record). The deciding record is the latest decision: by the date the parent decided, then
 * by the order the records were made, so a paper form dated before an online withdrawal does not
 * undo it.
 */

export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_METHODS = ['parent-online', 'paper-form', 'phone'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export type ConsentStateName = ConsentDecision | 'assumed' | 'none';

export interface ConsentRecordLike {
  purpose: string;
  decision: ConsentDecision;
  /** 'YYYY-MM-DD': when the parent decided (the date on the form). */
  decidedOn: string;
  /** Order of recording, increasing per pupil. */
  seq: number;
  /** Who decided: the parent or carer, as recorded. */
  parentName: string;
  relationship: string | null;
  method: ConsentMethod;
  recordedBy: string;
}

export interface ConsentState<R extends ConsentRecordLike = ConsentRecordLike> {
  state: ConsentStateName;
  /** The deciding record (null for assumed and none). */
  record: R | null;
  since: string | null;
  by: string | null;
}

function later(a: ConsentRecordLike, b: ConsentRecordLike): boolean {
  return a.decidedOn !== b.decidedOn ? a.decidedOn > b.decidedOn : a.seq > b.seq;
}

export function decidingRecord<R extends ConsentRecordLike>(
  records: readonly R[],
  purpose: string,
): R | null {
  let out: R | null = null;
  for (const r of records) if (r.purpose === purpose && (!out || later(r, out))) out = r;
  return out;
}

export function consentState<R extends ConsentRecordLike>(
  records: readonly R[],
  purpose: string,
  noResponse: NoResponseDefault,
): ConsentState<R> {
  const record = decidingRecord(records, purpose);
  if (!record)
    return { state: noResponse === 'assumed' ? 'assumed' : 'none', record: null, since: null, by: null };
  const by = record.relationship ? `${record.parentName} (${record.relationship})` : record.parentName;
  return { state: record.decision, record, since: record.decidedOn, by };
}

/** May this decision follow the current state? Withdrawing needs something to withdraw. */
export function decisionProblem(current: ConsentStateName, decision: ConsentDecision): string | null {
  if (decision === 'withdrawn' && current !== 'given' && current !== 'assumed')
    return 'there is no consent to withdraw: record a refusal instead';
  return null;
}

export type PublishingAnswer = 'yes' | 'no' | 'assumed' | 'unknown';

export const ANSWER_FOR_STATE: Record<ConsentStateName, PublishingAnswer> = {
  given: 'yes',
  refused: 'no',
  withdrawn: 'no',
  assumed: 'assumed',
  none: 'unknown',
};

/**
 * UK GDPR: consent is a clear affirmative act (Article 4(11)); the controller must be able to show
 * it was given and it may be withdrawn as easily as given (Article 7); the ICO's guidance says
 * silence, inactivity and pre-ticked boxes are not consent.
 */
export const SILENCE_IS_NOT_CONSENT =
  'UK GDPR does not treat silence or inactivity as consent (Article 4(11) and Article 7; ICO guidance on consent). "Assumed" means the parent never answered: the school\'s policy treats that as consent, but it is not consent given, and the school would need another lawful basis to rely on it.';

export interface PupilConsentInput {
  pupilId: string;
  name: string;
  state: ConsentState;
}

export interface PublishingCheckRow {
  pupilId: string;
  name: string;
  answer: PublishingAnswer;
  since: string | null;
  by: string | null;
}

export interface PublishingCheck {
  purpose: string;
  /** True only when every pupil's answer is yes. */
  allYes: boolean;
  rows: PublishingCheckRow[];
  counts: Record<PublishingAnswer, number>;
  /** Present whenever any answer is assumed. */
  warning: string | null;
}

/** "May we publish this photo of these pupils?", pupil by pupil, keeping assumed apart from yes. */
export function publishingCheck(pupils: readonly PupilConsentInput[], purpose: string): PublishingCheck {
  const counts: Record<PublishingAnswer, number> = { yes: 0, no: 0, assumed: 0, unknown: 0 };
  const rows = pupils.map((p) => {
    const answer = ANSWER_FOR_STATE[p.state.state];
    counts[answer]++;
    return { pupilId: p.pupilId, name: p.name, answer, since: p.state.since, by: p.state.by };
  });
  return {
    purpose,
    allYes: rows.length > 0 && counts.yes === rows.length,
    rows,
    counts,
    warning: counts.assumed > 0 ? SILENCE_IS_NOT_CONSENT : null,
  };
}
