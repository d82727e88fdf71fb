/**
 * Who an incident reaches, and who alone may see it (seed 001 "Handling complaints"; seed 003's
 * restricted procedure for allegations against staff; R001-066, R001-067, R000-135, R003-013).
 *
 * - a concern about the headteacher (or executive principal) goes only to the chair of governors,
 *   with the LADO step;
 * - a concern about any other member of staff goes only to the headteacher;
 * - everything else reaches the DSL and deputies and the online safety lead (the first point of
 *   contact) the same day, and the headteacher.
 */

export type IncidentRestriction = 'none' | 'headteacher' | 'chair-of-governors';

export interface IncidentRouting {
  restriction: IncidentRestriction;
  /** Grants whose holders may see the incident and are told of it (for 'none'). */
  audience: readonly string[];
  /** Role kinds whose holders alone may see it (for a restricted incident). */
  holders: readonly string[];
  /** A sentence for the reporter and the log. */
  explanation: string;
  /** The LADO must be involved (an allegation against someone who works with children). */
  ladoStep: boolean;
}

export function routeIncident(subject: { aboutStaff: boolean; aboutHeadteacher: boolean }): IncidentRouting {
  if (subject.aboutHeadteacher)
    return {
      restriction: 'chair-of-governors',
      audience: [],
      holders: ['chair-of-governors'],
      explanation:
        'A concern about the headteacher goes only to the chair of governors, who involves the LADO.',
      ladoStep: true,
    };
  if (subject.aboutStaff)
    return {
      restriction: 'headteacher',
      audience: [],
      holders: ['headteacher'],
      explanation: 'A concern about a member of staff goes only to the headteacher.',
      ladoStep: true,
    };
  return {
    restriction: 'none',
    audience: ['dsl', 'online-safety-lead', 'headteacher'],
    holders: [],
    explanation:
      'Reported to the designated safeguarding lead and deputies and the online safety lead, who must see it the same day.',
    ladoStep: false,
  };
}
