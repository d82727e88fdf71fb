/**
 * Which filter group a signed-in person belongs to: pupils by their year group's key stage,
 * staff to staff, everyone else to guests; and no group (the address's stands) where the school
 * has none that fits, so a sign-in never widens access by accident.
 */
import { describe, expect, it } from 'vitest';
import { defaultFilterSettings, groupForMember } from '../src/filter/settings.ts';
import { template } from '../src/policy/templates/index.ts';

const secondary = defaultFilterSettings(template('milford-haven')!); // ks3 ks4 sixth-form staff guests
const primary = defaultFilterSettings(template('westover')!);

describe('groupForMember', () => {
  it('puts a pupil in the group of their key stage', () => {
    expect(groupForMember(secondary, { kind: 'pupil', yearGroup: 'Year 8', grants: [] })).toBe('ks3');
    expect(groupForMember(secondary, { kind: 'pupil', yearGroup: 'Year 11', grants: [] })).toBe('ks4');
    expect(groupForMember(secondary, { kind: 'pupil', yearGroup: 'Year 13', grants: [] })).toBe('sixth-form');
  });

  it('puts Reception with Key Stage 1 where the school teaches both', () => {
    const reception = groupForMember(primary, { kind: 'pupil', yearGroup: 'Reception', grants: [] });
    expect(reception).toBe(groupForMember(primary, { kind: 'pupil', yearGroup: 'Year 1', grants: [] }));
    expect(reception).not.toBeNull();
  });

  it('gives no group to a pupil the school has no group for, or with no year group', () => {
    expect(groupForMember(secondary, { kind: 'pupil', yearGroup: 'Year 3', grants: [] })).toBeNull();
    expect(groupForMember(secondary, { kind: 'pupil', yearGroup: null, grants: [] })).toBeNull();
    expect(groupForMember(secondary, { kind: 'pupil', yearGroup: 'Form 2B', grants: [] })).toBeNull();
  });

  it('puts staff in staff and parents, governors and visitors in guests', () => {
    expect(groupForMember(secondary, { kind: 'staff', yearGroup: null, grants: [] })).toBe('staff');
    for (const kind of ['parent', 'governor', 'visitor', 'other'] as const)
      expect(groupForMember(secondary, { kind, yearGroup: null, grants: [] })).toBe('guests');
  });

  it('uses the grants of an account linked to nobody in the directory', () => {
    expect(groupForMember(secondary, { kind: null, yearGroup: null, grants: ['network-manager'] })).toBe(
      'staff',
    );
    expect(groupForMember(secondary, { kind: null, yearGroup: null, grants: ['governor'] })).toBe('guests');
  });
});
