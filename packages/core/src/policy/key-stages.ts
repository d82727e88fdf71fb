import type { KeyStage } from './schema.ts';

/** England and Wales year groups by key stage (Welsh schools use the same year numbering). */
export const YEAR_GROUPS: Record<KeyStage, string[]> = {
  eyfs: ['Reception'],
  ks1: ['Year 1', 'Year 2'],
  ks2: ['Year 3', 'Year 4', 'Year 5', 'Year 6'],
  ks3: ['Year 7', 'Year 8', 'Year 9'],
  ks4: ['Year 10', 'Year 11'],
  'sixth-form': ['Year 12', 'Year 13'],
};

/** Pupils' ages at the start of each year group, for age-appropriate defaults. */
export const AGE_AT_START: Record<string, number> = {
  Reception: 4,
  'Year 1': 5,
  'Year 2': 6,
  'Year 3': 7,
  'Year 4': 8,
  'Year 5': 9,
  'Year 6': 10,
  'Year 7': 11,
  'Year 8': 12,
  'Year 9': 13,
  'Year 10': 14,
  'Year 11': 15,
  'Year 12': 16,
  'Year 13': 17,
};

export function yearGroupsFor(keyStages: readonly KeyStage[]): string[] {
  return keyStages.flatMap((ks) => YEAR_GROUPS[ks]);
}

export function keyStageOf(yearGroup: string): KeyStage | null {
  for (const [ks, years] of Object.entries(YEAR_GROUPS) as [KeyStage, string[]][]) {
    if (years.includes(yearGroup)) return ks;
  }
  return null;
}
