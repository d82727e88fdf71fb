import { createHash } from 'node:crypto';
import { directory, policy } from '@haven/core';
import { z } from 'zod';
import { isUniqueViolation } from '../db/errors.ts';
import type { Db, PersonKind } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId, nowIso } from '../db/values.ts';
import type { Haven } from '../haven.ts';
import { errors, HavenError } from '../http/errors.ts';
import {
  type DirectoryImportRun,
  listImportRuns,
  recordImportRun,
} from '../repositories/directory-imports.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { authorise, currentPolicy } from './school-service.ts';

/*
 * The directory from MIS CSV exports (issue 6). A preview plans the import without writing; an
 * import plans it again inside one transaction (so it works on what is stored at that moment)
 * and applies it, or refuses it whole when any row has a problem and the caller has not said to
 * skip the bad rows. Keyed on (school, kind, MIS id): the same file twice changes nothing.
 */

/** Large enough for a 2,000-pupil secondary's contacts export; the route allows the same. */
export const MAX_CSV_CHARS = 8 * 1024 * 1024;
export const IMPORT_BODY_LIMIT = Math.ceil(MAX_CSV_CHARS * 1.4) + 64 * 1024;

const fileFields = z.object({
  kind: z.enum(directory.IMPORT_KINDS),
  /** The file as text (already decoded), or as base64 bytes, which the server decodes. */
  csv: z.string().max(MAX_CSV_CHARS).optional(),
  base64: z
    .string()
    .max(Math.ceil(MAX_CSV_CHARS * 1.34) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64')
    .optional(),
  encoding: z.enum(directory.CSV_ENCODINGS).default('utf-8'),
  /** Column (as headed in the file) → field, or '' to ignore the column. */
  mapping: z.record(z.string().min(1).max(100), z.string().max(40)).optional(),
  /** The file lists everyone current of its kind: those with an MIS id it leaves out have left. */
  full: z.boolean().default(false),
  fileName: z.string().trim().max(200).optional(),
});
const oneFile = {
  check: (body: { csv?: string | undefined; base64?: string | undefined }) =>
    (body.csv === undefined) !== (body.base64 === undefined),
  message: { message: 'send the file as exactly one of csv (text) or base64 (bytes)', path: ['csv'] },
};
export const importFile = fileFields.refine(oneFile.check, oneFile.message);
export type ImportFile = z.input<typeof importFile>;

/** "all": refuse the file if any row has a problem; "skip-bad-rows": import the good rows. */
export const importRun = fileFields
  .extend({ confirm: z.enum(['all', 'skip-bad-rows']) })
  .refine(oneFile.check, oneFile.message);
export type ImportRunInput = z.input<typeof importRun>;

const PERSON_KIND: Record<directory.ImportKind, PersonKind> = directory.KIND_OF_IMPORT;

export interface DirectoryImportPreview {
  plan: directory.ImportPlan;
  counts: directory.ImportCounts;
  fileSha256: string;
}

export interface DirectoryImportResult extends DirectoryImportPreview {
  imported: boolean;
  run: DirectoryImportRun;
}

/** What importing the file would do; writes nothing but an audit event with the counts. */
export async function previewImport(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: ImportFile,
): Promise<DirectoryImportPreview> {
  await authorise(haven, actor, schoolId, 'people', 'import');
  const file = importFile.parse(input);
  const preview = await plan(haven, haven.db, await policyContext(haven, schoolId), schoolId, file);
  await audit(
    haven.db,
    actor,
    'people.import-previewed',
    { type: 'school', id: schoolId, schoolId },
    { kind: file.kind, ...preview.counts },
  );
  return preview;
}

/**
 * Imports the file in one transaction. With problems, nothing is written unless `confirm` is
 * 'skip-bad-rows', and then only the good rows are; a file missing a required column never imports.
 */
export async function runImport(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: ImportRunInput,
): Promise<DirectoryImportResult> {
  await authorise(haven, actor, schoolId, 'people', 'import');
  const file = importRun.parse(input);
  // Read before the transaction: on SQLite it holds the one connection until it ends.
  const fromPolicy = await policyContext(haven, schoolId);
  return inTransaction(haven.db, async (trx) => {
    const preview = await plan(haven, trx, fromPolicy, schoolId, file);
    const { plan: p, counts } = preview;
    if (!p.importable) {
      throw importRefused(p, 'Nothing was imported: the file cannot be read as this kind of export.');
    }
    if (p.problems.length > 0 && file.confirm !== 'skip-bad-rows') {
      throw importRefused(
        p,
        `Nothing was imported: ${p.badLines.length} row(s) have problems. Fix them, or import the good rows and skip the bad.`,
      );
    }
    try {
      await apply(trx, schoolId, p);
    } catch (error) {
      // Only a second import running at the same moment can get here: the plan checked the ids.
      if (isUniqueViolation(error)) {
        throw errors.conflict(
          'Someone else changed the directory during this import: preview the file again.',
        );
      }
      throw error;
    }
    const run = await recordImportRun(trx, {
      schoolId,
      kind: file.kind,
      full: file.full,
      fileSha256: preview.fileSha256,
      fileName: file.fileName ?? null,
      encoding: file.encoding,
      confirm: file.confirm,
      counts,
      problems: p.problems,
      by: { accountId: actor.accountId, label: actor.label },
      at: haven.now().toISOString(),
    });
    await audit(
      trx,
      actor,
      'people.imported',
      { type: 'school', id: schoolId, schoolId },
      { kind: file.kind, full: file.full, run: run.id, ...counts },
    );
    return { ...preview, imported: true, run };
  });
}

/** The school's import runs, newest first (counts and problems; never the file). */
export async function importRuns(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'people', 'import');
  return { runs: await listImportRuns(haven.db, schoolId) };
}

function importRefused(p: directory.ImportPlan, message: string): HavenError {
  const details = p.problems.slice(0, 500).map((problem) => ({
    path: [problem.line === null ? 'mapping' : `line ${problem.line}`, problem.column ?? problem.field]
      .filter(Boolean)
      .join('.'),
    reason: problem.reason,
  }));
  return new HavenError('import-has-problems', 422, message, details);
}

/** Decodes the file, reads it as CSV and plans it against what `db` holds now. */
/** The approved policy's roles and year groups, which rows are checked against. */
async function policyContext(haven: Haven, schoolId: string) {
  const current = await currentPolicy(haven, schoolId);
  if (!current) throw errors.noApprovedPolicy();
  return {
    roles: current.document.roles.map((r) => ({ id: r.id, title: r.title })),
    yearGroups: current.document.school.yearGroups ?? policy.yearGroupsFor(current.document.school.keyStages),
  };
}

async function plan(
  haven: Haven,
  db: Db,
  fromPolicy: { roles: { id: string; title: string }[]; yearGroups: string[] },
  schoolId: string,
  file: z.output<typeof importFile>,
): Promise<DirectoryImportPreview> {
  const bytes =
    file.base64 !== undefined ? Buffer.from(file.base64, 'base64') : Buffer.from(file.csv ?? '', 'utf8');
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const unreadable = (line: number, reason: string): DirectoryImportPreview => {
    const p = directory.planImport(
      file.kind,
      { header: { line: 1, cells: [] }, records: [] },
      {
        existing: [],
        today: '',
      },
    );
    p.problems = [{ line, field: null, column: null, reason }];
    p.importable = false;
    return { plan: p, counts: directory.planCounts(p), fileSha256 };
  };

  let text: string;
  if (file.base64 === undefined) text = file.csv ?? '';
  else if (file.encoding === 'utf-8') {
    const bad = directory.findInvalidUtf8(bytes);
    if (bad) return unreadable(bad.line, directory.invalidUtf8Reason(bad));
    text = new TextDecoder('utf-8').decode(bytes);
  } else text = new TextDecoder('windows-1252').decode(bytes);

  let table: directory.CsvTable;
  try {
    table = directory.readCsv(text);
  } catch (error) {
    if (error instanceof directory.CsvError) return unreadable(error.line, error.reason);
    throw error;
  }

  const kind = PERSON_KIND[file.kind];
  const p = directory.planImport(file.kind, table, {
    existing: await existingPeople(db, schoolId, kind),
    otherMisIds: await otherMisIds(db, schoolId, kind),
    ...(file.kind === 'parents' ? { pupils: await pupilsWithMisIds(db, schoolId) } : {}),
    ...fromPolicy,
    full: file.full,
    today: haven.now().toISOString().slice(0, 10),
    ...(file.mapping ? { mapping: file.mapping } : {}),
  });
  return { plan: p, counts: directory.planCounts(p), fileSha256 };
}

async function existingPeople(
  db: Db,
  schoolId: string,
  kind: PersonKind,
): Promise<directory.ExistingPerson[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('kind', '=', kind)
    .execute();
  const roles = new Map<string, string[]>();
  if (kind === 'staff' || kind === 'governor') {
    const held = await db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select(['role_assignments.person_id', 'role_assignments.policy_role_id'])
      .where('role_assignments.school_id', '=', schoolId)
      .where('people.kind', '=', kind)
      .execute();
    for (const h of held) roles.set(h.person_id, [...(roles.get(h.person_id) ?? []), h.policy_role_id]);
  }
  const wards = new Map<string, { pupilMisId: string; relationship: string | null }[]>();
  if (kind === 'parent') {
    const links = await db
      .selectFrom('guardianships')
      .innerJoin('people', 'people.id', 'guardianships.pupil_id')
      .select(['guardianships.parent_id', 'guardianships.relationship', 'people.mis_id'])
      .where('guardianships.school_id', '=', schoolId)
      .where('people.mis_id', 'is not', null)
      .execute();
    for (const l of links) {
      wards.set(l.parent_id, [
        ...(wards.get(l.parent_id) ?? []),
        { pupilMisId: l.mis_id as string, relationship: l.relationship },
      ]);
    }
  }
  return rows.map((row) => ({
    id: row.id,
    misId: row.mis_id,
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: row.display_name,
    email: row.email,
    yearGroup: row.year_group,
    className: row.class_name,
    leftOn: row.left_on,
    roleIds: roles.get(row.id) ?? [],
    wards: wards.get(row.id) ?? [],
  }));
}

async function otherMisIds(db: Db, schoolId: string, kind: PersonKind): Promise<Set<string>> {
  const rows = await db
    .selectFrom('people')
    .select('mis_id')
    .where('school_id', '=', schoolId)
    .where('kind', '!=', kind)
    .where('mis_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.mis_id as string));
}

async function pupilsWithMisIds(db: Db, schoolId: string) {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'mis_id'])
    .where('school_id', '=', schoolId)
    .where('kind', '=', 'pupil')
    .where('mis_id', 'is not', null)
    .execute();
  return rows.map((r) => ({ id: r.id, misId: r.mis_id as string }));
}

const COLUMN: Record<
  directory.PersonField,
  'given_name' | 'family_name' | 'display_name' | 'email' | 'year_group' | 'class_name' | 'left_on'
> = {
  givenName: 'given_name',
  familyName: 'family_name',
  displayName: 'display_name',
  email: 'email',
  yearGroup: 'year_group',
  className: 'class_name',
  leftOn: 'left_on',
};

/** Batches keep each statement under SQLite's and PostgreSQL's parameter limits. */
const BATCH = 200;

async function apply(trx: Db, schoolId: string, p: directory.ImportPlan): Promise<void> {
  const kind = PERSON_KIND[p.kind];
  const createdAt = nowIso();
  const idByMisId = new Map<string, string>();
  const newRows = p.add.map((a) => {
    const id = newId();
    idByMisId.set(a.misId, id);
    return {
      id,
      school_id: schoolId,
      kind,
      given_name: a.values.givenName,
      family_name: a.values.familyName,
      display_name: a.values.displayName,
      email: a.values.email,
      year_group: a.values.yearGroup,
      class_name: a.values.className,
      mis_id: a.misId,
      created_at: createdAt,
      left_on: a.values.leftOn,
    };
  });
  for (let i = 0; i < newRows.length; i += BATCH) {
    await trx
      .insertInto('people')
      .values(newRows.slice(i, i + BATCH))
      .execute();
  }

  for (const update of p.update) {
    const set: Record<string, string | null> = {};
    for (const change of update.changes) set[COLUMN[change.field]] = change.to;
    await trx.updateTable('people').set(set).where('id', '=', update.id).execute();
  }
  for (const leaver of p.leavers) {
    await trx.updateTable('people').set({ left_on: leaver.leftOn }).where('id', '=', leaver.id).execute();
  }

  // Everyone the file names, new or not, by MIS id: roles and links refer to people that way.
  const needIds = [...p.roles.add, ...p.links.add, ...p.links.update]
    .map((r) => ('parentMisId' in r ? r.parentMisId : r.misId))
    .filter((misId) => !idByMisId.has(misId));
  for (let i = 0; i < needIds.length; i += BATCH) {
    const rows = await trx
      .selectFrom('people')
      .select(['id', 'mis_id'])
      .where('school_id', '=', schoolId)
      .where('kind', '=', kind)
      .where('mis_id', 'in', needIds.slice(i, i + BATCH))
      .execute();
    for (const row of rows) idByMisId.set(row.mis_id as string, row.id);
  }
  const personId = (misId: string) => {
    const id = idByMisId.get(misId);
    if (!id) throw new Error(`import: no person for MIS id ${misId}`);
    return id;
  };

  const roleRows = p.roles.add.map((r) => ({
    id: newId(),
    school_id: schoolId,
    person_id: personId(r.misId),
    policy_role_id: r.policyRoleId,
    deputy: 0,
    created_at: createdAt,
  }));
  for (let i = 0; i < roleRows.length; i += BATCH) {
    await trx
      .insertInto('role_assignments')
      .values(roleRows.slice(i, i + BATCH))
      .execute();
  }

  const linkRows = p.links.add.map((l) => ({
    id: newId(),
    school_id: schoolId,
    parent_id: personId(l.parentMisId),
    pupil_id: l.pupilId,
    relationship: l.relationship,
  }));
  for (let i = 0; i < linkRows.length; i += BATCH) {
    await trx
      .insertInto('guardianships')
      .values(linkRows.slice(i, i + BATCH))
      .execute();
  }
  for (const l of p.links.update) {
    await trx
      .updateTable('guardianships')
      .set({ relationship: l.relationship })
      .where('parent_id', '=', personId(l.parentMisId))
      .where('pupil_id', '=', l.pupilId)
      .execute();
  }
}
