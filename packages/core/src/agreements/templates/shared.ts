import type { SeedPlace } from '../schema.ts';

/** A place-maker bound to one seed file, so a template cannot cite the wrong seed by accident. */
export function placesIn(seed: string) {
  return (section: string, line: number): SeedPlace => ({ seed, section, line });
}

/*
 * Signature fields for agreements Haven writes where the seed has no form. Their labels are ours
 * (source null); every template using them says so in a reading, which the tests check.
 */

export const ADULT_FIELDS = [
  { id: 'full-name', label: 'Full name', type: 'person-name', source: null },
  { id: 'signature', label: 'Signature', type: 'signature', source: null },
  { id: 'date', label: 'Date', type: 'date', source: null },
] as const;

export const PUPIL_FIELDS = [
  { id: 'pupil-name', label: 'Name', type: 'person-name', source: null },
  { id: 'class', label: 'Class', type: 'class', source: null },
  { id: 'signature', label: 'Signature', type: 'signature', source: null },
  { id: 'date', label: 'Date', type: 'date', source: null },
] as const;

/** A parent or carer signs for the pupil: the pupil is named, the adult signs. */
export const SIGNED_FOR_PUPIL_FIELDS = [
  { id: 'pupil-name', label: "Pupil's name", type: 'person-name', source: null },
  { id: 'class', label: 'Class', type: 'class', source: null },
  { id: 'parent-name', label: "Parent/carer's name", type: 'person-name', source: null },
  { id: 'parent-signature', label: "Parent/carer's signature", type: 'signature', source: null },
  { id: 'date', label: 'Date', type: 'date', source: null },
] as const;

/** A parent or carer signs for themselves, naming their children (one form may cover several). */
export const PARENT_FIELDS = [
  { id: 'pupil-names', label: "Child's name(s)", type: 'person-names', source: null },
  { id: 'full-name', label: "Parent/carer's name", type: 'person-name', source: null },
  { id: 'signature', label: 'Signature', type: 'signature', source: null },
  { id: 'date', label: 'Date', type: 'date', source: null },
] as const;

/** The reading a template using Haven's fields carries; it names the fields, which the tests check. */
export function havenFieldsReading(fields: readonly { id: string; source: unknown }[]) {
  const ids = fields.filter((f) => f.source === null).map((f) => f.id);
  return {
    where: `form.fields (${ids.join(', ')})`,
    reading:
      "The seed gives no form for this agreement, so these fields are Haven's standard ones, with Haven's labels: who signs, their signature and the date, and for pupils the class.",
  };
}
