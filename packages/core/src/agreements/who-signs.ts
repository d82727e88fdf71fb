import { keyStageOf, YEAR_GROUPS } from '../policy/key-stages.ts';
import type { KeyStage } from '../policy/schema.ts';
import type { AgreementTemplate, Audience, Renewal, Signer } from './schema.ts';

export const PERSON_KINDS = [
  'staff',
  'pupil',
  'parent',
  'governor',
  'visitor',
  'community',
  'supply',
] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface AgreementPerson {
  kind: PersonKind;
  /** "Reception", "Year 1" ... "Year 13" (also "R", "Y5", "Yr 9", "9"); needed for pupils. */
  yearGroup?: string | null;
  /**
   * Further hats the person wears: a member of staff who is also a governor or a parent signs
   * those agreements too. Roles naming a person kind or an audience count; others are ignored.
   */
  roles?: readonly string[];
}

export interface RequiredAgreement {
  agreementId: string;
  /**
   * Who puts their name to it. The requirement always belongs to the person asked about: a KS1
   * pupil's agreement appears on the pupil's list with signer "parent", not on the parent's.
   */
  signer: Signer;
  renewal: Renewal;
}

const KIND_AUDIENCE: Record<Exclude<PersonKind, 'pupil'>, Audience> = {
  staff: 'staff',
  parent: 'parent',
  governor: 'governor',
  visitor: 'visitor',
  community: 'community-user',
  supply: 'supply-guest',
};

/** The pupil agreements follow key stages; Reception (EYFS) signs the KS1 one, as the issue asks. */
const KEY_STAGE_AUDIENCE: Record<KeyStage, Audience> = {
  eyfs: 'ks1-pupil',
  ks1: 'ks1-pupil',
  ks2: 'ks2-pupil',
  ks3: 'secondary-pupil',
  ks4: 'secondary-pupil',
  'sixth-form': 'secondary-pupil',
};

/** MIS exports spell year groups several ways; the policy model uses "Reception" and "Year n". */
export function normaliseYearGroup(yearGroup: string): string | null {
  const raw = yearGroup.trim().toLowerCase().replace(/\s+/g, ' ');
  if (['r', 'rec', 'reception', 'yr', 'year r', 'year reception'].includes(raw)) return 'Reception';
  const n = /^(?:y|yr|year|year group)? ?(\d{1,2})$/.exec(raw)?.[1];
  if (n === undefined) return null;
  const name = `Year ${Number(n)}`;
  return Object.values(YEAR_GROUPS).some((years) => years.includes(name)) ? name : null;
}

/** The pupil audience for a year group; throws for a year group the model does not know. */
export function pupilAudience(yearGroup: string): Audience {
  const normal = normaliseYearGroup(yearGroup);
  const ks = normal === null ? null : keyStageOf(normal);
  if (ks === null) {
    throw new Error(`unknown year group "${yearGroup}": expected Reception or Year 1 to Year 13`);
  }
  return KEY_STAGE_AUDIENCE[ks];
}

/** Pupil audiences come from the year group alone, never from a role. */
const AUDIENCE_NAMES = [
  'staff',
  'supply-guest',
  'governor',
  'visitor',
  'community-user',
  'parent',
] as const satisfies readonly Audience[];

function audienceOfRole(role: string): Audience | null {
  const r = role.trim().toLowerCase();
  if ((AUDIENCE_NAMES as readonly string[]).includes(r)) return r as Audience;
  if (Object.hasOwn(KIND_AUDIENCE, r)) return KIND_AUDIENCE[r as keyof typeof KIND_AUDIENCE];
  return null;
}

function audiencesOf(person: AgreementPerson): Audience[] {
  const out: Audience[] = [];
  if (person.kind === 'pupil') {
    if (!person.yearGroup) throw new Error('a pupil needs a year group to know which agreement applies');
    out.push(pupilAudience(person.yearGroup));
  } else {
    out.push(KIND_AUDIENCE[person.kind]);
  }
  for (const role of person.roles ?? []) {
    const a = audienceOfRole(role);
    if (a !== null && !out.includes(a)) out.push(a);
  }
  return out;
}

/**
 * The agreements a person must have signed at this school, in the school's order. A school that has
 * no agreement for the person's audience (a secondary school and a Year 1 pupil, a school whose
 * seed asks nothing of parents) requires none; one form signed by several audiences (seed 004's
 * staff, governor and visitor code of conduct) is required once.
 */
export function requiredAgreements(
  templates: readonly AgreementTemplate[],
  person: AgreementPerson,
): RequiredAgreement[] {
  const audiences = audiencesOf(person);
  return templates
    .filter((t) => audiences.includes(t.audience) || t.alsoFor.some((a) => audiences.includes(a)))
    .map((t) => ({ agreementId: t.id, signer: t.signer, renewal: t.renewal }));
}

/** What a parent signs on a child's behalf: the child's requirements whose signer is the parent. */
export function signedByParentFor(
  templates: readonly AgreementTemplate[],
  child: AgreementPerson,
): RequiredAgreement[] {
  return requiredAgreements(templates, child).filter((r) => r.signer === 'parent');
}
