/**
 * R001-007 `haven people import` through the real CLI: the preview (mapping, counts, each
 * problem as file:line column: reason), exit 1 with nothing written when a row is bad, the good
 * rows with --skip-bad-rows, the same file twice changing nothing, --map overrides, and a
 * Windows-1252 SIMS export named as not UTF-8 until --encoding windows-1252 is given.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haven } from './run-haven.ts';

const ROOT = mkdtempSync(path.join(tmpdir(), 'haven-people-cli-'));
const DATA = path.join(ROOT, 'data');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const pupilsNamed = (mis: string) => {
  const db = new Database(path.join(DATA, 'haven.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        "select mis_id, display_name, year_group, class_name from people where kind = 'pupil' and mis_id like ? order by mis_id",
      )
      .all(`${mis}%`);
  } finally {
    db.close();
  }
};

describe('haven people import', () => {
  beforeAll(async () => {
    const demo = await haven(DATA, ['demo', '--template', 'westover', '--pupils', '0']);
    expect(demo.code, demo.stderr).toBe(0);
  }, 90_000);

  it('previews, refuses a file with bad rows, then imports the good ones', { timeout: 90_000 }, async () => {
    const file = path.join(ROOT, 'pupils.csv');
    writeFileSync(
      file,
      'UPN,Legal Forename,Legal Surname,Year,Reg Group\r\nT1,Ada,Lovelace,Y5,5L\r\nT2,Alan,Turing,Year 9,9T\r\nT3,"Grace, Rear Admiral",Hopper,R,RH\r\n',
    );
    const dry = await haven(DATA, ['people', 'import', 'pupils', file, '--school', 'westover', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('UPN -> misId');
    expect(dry.stdout).toContain('would add 2, update 0');
    expect(dry.stdout).toContain(`${file}:3 Year: Year 9 is not a year group this school's policy covers`);
    expect(dry.stdout).toContain('dry run: nothing imported');

    const refused = await haven(DATA, ['people', 'import', 'pupils', file, '--school', 'westover']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 problem(s) in the file: nothing imported');
    expect(pupilsNamed('T')).toEqual([]);

    const skipped = await haven(DATA, [
      'people',
      'import',
      'pupils',
      file,
      '--school',
      'westover',
      '--skip-bad-rows',
    ]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain(
      'imported: 2 added, 0 updated, 0 unchanged, 0 leavers (1 bad rows skipped)',
    );
    expect(pupilsNamed('T')).toEqual([
      { mis_id: 'T1', display_name: 'Ada Lovelace', year_group: 'Year 5', class_name: '5L' },
      { mis_id: 'T3', display_name: 'Grace, Rear Admiral Hopper', year_group: 'Reception', class_name: 'RH' },
    ]);

    const again = await haven(DATA, [
      'people',
      'import',
      'pupils',
      file,
      '--school',
      'westover',
      '--skip-bad-rows',
      '--json',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      imported: true,
      run: { counts: { added: 0, updated: 0, unchanged: 2 } },
    });
  });

  it('takes a mapping for columns it does not know', { timeout: 90_000 }, async () => {
    const file = path.join(ROOT, 'odd.csv');
    writeFileSync(file, 'Pupil Ref,Forename,Surname,NCY,Notes\nM1,Mo,Farah,6,runs\n');
    const unknown = await haven(DATA, ['people', 'import', 'pupils', file, '--school', 'westover']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('no column holds the misId (required)');
    const mapped = await haven(DATA, [
      'people',
      'import',
      'pupils',
      file,
      '--school',
      'westover',
      '--map',
      'Pupil Ref=misId,NCY=yearGroup,Notes=',
    ]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout).toContain('Pupil Ref -> misId (as mapped)');
    expect(pupilsNamed('M')).toEqual([
      { mis_id: 'M1', display_name: 'Mo Farah', year_group: 'Year 6', class_name: null },
    ]);
    const bad = await haven(DATA, [
      'people',
      'import',
      'pupils',
      file,
      '--school',
      'westover',
      '--map',
      'Pupil Ref',
    ]);
    expect(bad.code).toBe(2);
  });

  it('names a Windows-1252 file as not UTF-8, and reads it when told', { timeout: 90_000 }, async () => {
    const file = path.join(ROOT, 'sims.csv');
    writeFileSync(
      file,
      Buffer.from('UPN,Legal Forename,Legal Surname,Year\r\nW1,Zo\xeb,Bront\xeb,Y3\r\n', 'latin1'),
    );
    const utf8 = await haven(DATA, ['people', 'import', 'pupils', file, '--school', 'westover']);
    expect(utf8.code).toBe(1);
    expect(utf8.stdout).toContain(
      `${file}:2: byte 0xeb at column 6 is not valid UTF-8: if the file came from SIMS, import it as windows-1252`,
    );
    const cp1252 = await haven(DATA, [
      'people',
      'import',
      'pupils',
      file,
      '--school',
      'westover',
      '--encoding',
      'windows-1252',
    ]);
    expect(cp1252.code, cp1252.stderr).toBe(0);
    expect(pupilsNamed('W')).toEqual([
      { mis_id: 'W1', display_name: 'Zoë Brontë', year_group: 'Year 3', class_name: null },
    ]);
  });
});
