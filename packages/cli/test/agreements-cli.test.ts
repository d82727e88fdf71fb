/**
 * The agreements contracts through the real CLI (issue 6): `haven agreements list --json` for
 * every seed school, `haven agreements required --json` by sign-in name and by a pupil's MIS id,
 * and `haven agreements import` of Markdown and .docx as a new version, with the refusals (empty,
 * not a docx, no text) storing nothing. R001-018, R001-059, R001-187, R001-222.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agreements } from '@haven/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../server/test/helpers/docx.ts';
import { haven } from './run-haven.ts';

const DATA = mkdtempSync(path.join(tmpdir(), 'haven-agreements-cli-'));
afterAll(() => rmSync(DATA, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(DATA, name);
  writeFileSync(p, content);
  return p;
};

describe('haven agreements', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const demo = await haven(DATA, ['demo', '--template', 'primary-advantage', '--pupils', '6']);
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);

  it('lists each seed school’s agreements in the contract shape, from the database or the template', async () => {
    for (const school of agreements.agreementTemplateIds()) {
      const res = await haven(DATA, ['agreements', 'list', '--school', school, '--json']);
      expect(res.code, res.stderr).toBe(0);
      const rows = JSON.parse(res.stdout);
      expect(rows).toEqual(agreements.agreementSummaries(school));
      for (const r of rows) expect(Object.keys(r)).toEqual(['id', 'audience', 'title', 'version', 'seed']);
    }
  });

  it('says what a person must sign: staff by sign-in name, a Reception pupil by MIS id (a parent signs)', async () => {
    const teacher = await haven(DATA, [
      'agreements',
      'required',
      '--school',
      'primary-advantage',
      '--person',
      'teacher@primary-advantage.example',
      '--json',
    ]);
    expect(teacher.code, teacher.stderr).toBe(0);
    expect(JSON.parse(teacher.stdout)).toEqual([{ agreement: 'staff', signed: false, signer: 'self' }]);
    const pupil = await haven(DATA, [
      'agreements',
      'required',
      '--school',
      'primary-advantage',
      '--person',
      'PUP00001',
      '--json',
    ]);
    expect(pupil.code, pupil.stderr).toBe(0);
    expect(JSON.parse(pupil.stdout)).toEqual([{ agreement: 'ks1-pupil', signed: false, signer: 'parent' }]);
    const nobody = await haven(DATA, [
      'agreements',
      'required',
      '--school',
      'primary-advantage',
      '--person',
      'nobody',
    ]);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no account, MIS id or person id "nobody"');
  });

  it('imports Markdown and .docx as new versions; refuses an empty file, a non-docx and a docx with no text', async () => {
    const md = file(
      'ks1.md',
      '# Our KS1 promise\n\n- I use only the devices I am allowed to.\n- I tell a grown-up.\n',
    );
    const one = await haven(DATA, [
      'agreements',
      'import',
      '--school',
      'primary-advantage',
      '--agreement',
      'ks1-pupil',
      md,
      '--json',
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      id: 'ks1-pupil',
      version: 2,
      title: 'Our KS1 promise',
      items: 2,
    });

    const docx = file(
      'staff.docx',
      makeDocx([
        { text: 'Staff AUP', style: 'Title' },
        { text: 'Using systems', style: 'Heading1' },
        { text: 'I keep my password secret.', list: true },
        { text: 'I report what the filter misses.', list: true },
      ]),
    );
    const two = await haven(DATA, [
      'agreements',
      'import',
      '--school',
      'primary-advantage',
      '--agreement',
      'staff',
      docx,
      '--json',
    ]);
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(two.stdout)).toMatchObject({ id: 'staff', version: 2, title: 'Staff AUP', items: 2 });

    const refused = [
      [file('empty.md', ''), 'empty.md is empty'],
      [
        file('fake.docx', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7])),
        'fake.docx is not a .docx file: it is not a zip archive',
      ],
      [file('blank.docx', makeDocx([{ text: '' }])), 'blank.docx has no text to make an agreement from'],
      [
        file('photo.png', Buffer.from([0x89, 0x50])),
        'must be plain text (.txt), Markdown (.md) or Word (.docx)',
      ],
    ] as const;
    for (const [p, message] of refused) {
      const res = await haven(DATA, [
        'agreements',
        'import',
        '--school',
        'primary-advantage',
        '--agreement',
        'staff',
        p,
      ]);
      expect(res.code, p).toBe(1);
      expect(res.stderr).toContain(message);
    }
    const list = await haven(DATA, ['agreements', 'list', '--school', 'primary-advantage', '--json']);
    const versions = Object.fromEntries(
      JSON.parse(list.stdout).map((r: { id: string; version: number }) => [r.id, r.version]),
    );
    expect(versions).toMatchObject({ staff: 2, 'ks1-pupil': 2, 'ks2-pupil': 1 });
  });
});
