import { type Selectable, sql } from 'kysely';
import type { Db, GuardianshipsTable, IsoDate, IsoTimestamp, PeopleTable, PersonKind } from '../db/schema.ts';
import { newId, nowIso } from '../db/values.ts';
import { clampLimit, type Page } from './paging.ts';

export interface Person {
  id: string;
  schoolId: string;
  kind: PersonKind;
  givenName: string;
  familyName: string;
  displayName: string;
  email: string | null;
  yearGroup: string | null;
  className: string | null;
  misId: string | null;
  createdAt: IsoTimestamp;
  leftOn: IsoDate | null;
}

export interface NewPerson {
  schoolId: string;
  kind: PersonKind;
  givenName: string;
  familyName: string;
  displayName: string;
  email?: string | null;
  yearGroup?: string | null;
  className?: string | null;
  misId?: string | null;
  leftOn?: IsoDate | null;
  id?: string;
  createdAt?: IsoTimestamp;
}

export type PersonPatch = Partial<
  Pick<
    Person,
    | 'kind'
    | 'givenName'
    | 'familyName'
    | 'displayName'
    | 'email'
    | 'yearGroup'
    | 'className'
    | 'misId'
    | 'leftOn'
  >
>;

export interface PeopleQuery {
  kind?: PersonKind | PersonKind[];
  /** Case-insensitive substring of the names, email or MIS id. */
  search?: string;
  yearGroup?: string;
  /** Only people still at the school on this date (no leaving date, or one after it). */
  currentOn?: IsoDate;
  limit?: number;
  offset?: number;
}

export interface Guardianship {
  id: string;
  schoolId: string;
  parentId: string;
  pupilId: string;
  relationship: string | null;
}

const toPerson = (row: Selectable<PeopleTable>): Person => ({
  id: row.id,
  schoolId: row.school_id,
  kind: row.kind,
  givenName: row.given_name,
  familyName: row.family_name,
  displayName: row.display_name,
  email: row.email,
  yearGroup: row.year_group,
  className: row.class_name,
  misId: row.mis_id,
  createdAt: row.created_at,
  leftOn: row.left_on,
});

const toGuardianship = (row: Selectable<GuardianshipsTable>): Guardianship => ({
  id: row.id,
  schoolId: row.school_id,
  parentId: row.parent_id,
  pupilId: row.pupil_id,
  relationship: row.relationship,
});

export async function createPerson(db: Db, input: NewPerson): Promise<Person> {
  const row = await db
    .insertInto('people')
    .values({
      id: input.id ?? newId(),
      school_id: input.schoolId,
      kind: input.kind,
      given_name: input.givenName,
      family_name: input.familyName,
      display_name: input.displayName,
      email: input.email ?? null,
      year_group: input.yearGroup ?? null,
      class_name: input.className ?? null,
      mis_id: input.misId ?? null,
      created_at: input.createdAt ?? nowIso(),
      left_on: input.leftOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

export async function getPerson(db: Db, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

/** The person an MIS import knows by this id, so re-imports update instead of duplicating. */
export async function getPersonByMisId(db: Db, schoolId: string, misId: string): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('mis_id', '=', misId)
    .executeTakeFirst();
  return row && toPerson(row);
}

/**
 * Every person at one school matching the query, in the same order, read a page at a time
 * (listPeople caps a page): for views that need the whole school, such as compliance.
 */
export async function listAllPeople(
  db: Db,
  schoolId: string,
  query: Omit<PeopleQuery, 'limit' | 'offset'> = {},
): Promise<Person[]> {
  const out: Person[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listPeople(db, schoolId, { ...query, limit: 500, offset });
    out.push(...page.items);
    if (page.items.length < 500) return out;
  }
}

/** People at one school, sorted by family then given name (case-insensitive), a page at a time. */
export async function listPeople(db: Db, schoolId: string, query: PeopleQuery = {}): Promise<Page<Person>> {
  let filtered = db.selectFrom('people').where('school_id', '=', schoolId);
  if (query.kind !== undefined) {
    const kinds = Array.isArray(query.kind) ? query.kind : [query.kind];
    if (kinds.length === 0) return { items: [], total: 0 };
    filtered = filtered.where('kind', 'in', kinds);
  }
  if (query.yearGroup !== undefined) filtered = filtered.where('year_group', '=', query.yearGroup);
  if (query.currentOn !== undefined) {
    const on = query.currentOn;
    filtered = filtered.where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', on)]));
  }
  const search = query.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search.toLowerCase())}%`;
    // lower() on both sides because LIKE is case-insensitive on SQLite but not on PostgreSQL.
    filtered = filtered.where((eb) =>
      eb.or(
        (['given_name', 'family_name', 'display_name', 'email', 'mis_id'] as const).map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }

  const limit = clampLimit(query.limit);
  const offset = Math.max(0, Math.trunc(query.offset ?? 0));
  const [rows, counted] = await Promise.all([
    filtered
      .selectAll()
      .orderBy(sql`lower(family_name)`)
      .orderBy(sql`lower(given_name)`)
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPerson), total: Number(counted.total) };
}

export async function updatePerson(db: Db, id: string, patch: PersonPatch): Promise<Person | undefined> {
  const values = {
    kind: patch.kind,
    given_name: patch.givenName,
    family_name: patch.familyName,
    display_name: patch.displayName,
    email: patch.email,
    year_group: patch.yearGroup,
    class_name: patch.className,
    mis_id: patch.misId,
    left_on: patch.leftOn,
  };
  if (Object.values(values).every((value) => value === undefined)) return getPerson(db, id);
  const row = await db
    .updateTable('people')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toPerson(row);
}

export async function addGuardianship(
  db: Db,
  input: { schoolId: string; parentId: string; pupilId: string; relationship?: string | null; id?: string },
): Promise<Guardianship> {
  const row = await db
    .insertInto('guardianships')
    .values({
      id: input.id ?? newId(),
      school_id: input.schoolId,
      parent_id: input.parentId,
      pupil_id: input.pupilId,
      relationship: input.relationship ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGuardianship(row);
}

export async function removeGuardianship(db: Db, parentId: string, pupilId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('guardianships')
    .where('parent_id', '=', parentId)
    .where('pupil_id', '=', pupilId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A pupil's parents and carers, with how each is related. */
export async function listGuardians(
  db: Db,
  pupilId: string,
): Promise<{ person: Person; guardianship: Guardianship }[]> {
  return linked(db, 'pupil_id', pupilId, 'parent_id');
}

/** The pupils a parent or carer is responsible for. */
export async function listWards(
  db: Db,
  parentId: string,
): Promise<{ person: Person; guardianship: Guardianship }[]> {
  return linked(db, 'parent_id', parentId, 'pupil_id');
}

async function linked(
  db: Db,
  byColumn: 'parent_id' | 'pupil_id',
  id: string,
  otherColumn: 'parent_id' | 'pupil_id',
): Promise<{ person: Person; guardianship: Guardianship }[]> {
  const links = await db.selectFrom('guardianships').selectAll().where(byColumn, '=', id).execute();
  if (links.length === 0) return [];
  const people = await db
    .selectFrom('people')
    .selectAll()
    .where(
      'id',
      'in',
      links.map((link) => link[otherColumn]),
    )
    .orderBy(sql`lower(family_name)`)
    .orderBy(sql`lower(given_name)`)
    .orderBy('id')
    .execute();
  return people.flatMap((row) => {
    const link = links.find((candidate) => candidate[otherColumn] === row.id);
    return link ? [{ person: toPerson(row), guardianship: toGuardianship(link) }] : [];
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
