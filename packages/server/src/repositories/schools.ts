import type { Selectable } from 'kysely';
import type { Db, IsoTimestamp, SchoolsTable, SitesTable, TrustsTable } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId, nowIso } from '../db/values.ts';

export interface Trust {
  id: string;
  name: string;
  createdAt: IsoTimestamp;
}

export interface School {
  id: string;
  trustId: string | null;
  slug: string;
  name: string;
  templateId: string;
  timeZone: string;
  locale: string;
  createdAt: IsoTimestamp;
}

export interface Site {
  id: string;
  schoolId: string;
  slug: string;
  name: string;
  createdAt: IsoTimestamp;
}

export interface NewTrust {
  name: string;
  id?: string;
  createdAt?: IsoTimestamp;
}

export interface NewSite {
  slug: string;
  name: string;
}

export interface NewSchool {
  trustId?: string | null;
  slug: string;
  name: string;
  templateId: string;
  timeZone: string;
  locale: string;
  sites?: NewSite[];
  id?: string;
  createdAt?: IsoTimestamp;
}

export type SchoolPatch = Partial<Pick<School, 'trustId' | 'name' | 'templateId' | 'timeZone' | 'locale'>>;

const toTrust = (row: Selectable<TrustsTable>): Trust => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
});

const toSchool = (row: Selectable<SchoolsTable>): School => ({
  id: row.id,
  trustId: row.trust_id,
  slug: row.slug,
  name: row.name,
  templateId: row.template_id,
  timeZone: row.time_zone,
  locale: row.locale,
  createdAt: row.created_at,
});

const toSite = (row: Selectable<SitesTable>): Site => ({
  id: row.id,
  schoolId: row.school_id,
  slug: row.slug,
  name: row.name,
  createdAt: row.created_at,
});

export async function createTrust(db: Db, input: NewTrust): Promise<Trust> {
  const row = await db
    .insertInto('trusts')
    .values({ id: input.id ?? newId(), name: input.name, created_at: input.createdAt ?? nowIso() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTrust(row);
}

export async function getTrust(db: Db, id: string): Promise<Trust | undefined> {
  const row = await db.selectFrom('trusts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTrust(row);
}

export async function listTrusts(db: Db): Promise<Trust[]> {
  const rows = await db.selectFrom('trusts').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toTrust);
}

/** Creates the school and its sites together: a school never exists half-made. */
export function createSchool(db: Db, input: NewSchool): Promise<{ school: School; sites: Site[] }> {
  const createdAt = input.createdAt ?? nowIso();
  return inTransaction(db, async (trx) => {
    const school = await trx
      .insertInto('schools')
      .values({
        id: input.id ?? newId(),
        trust_id: input.trustId ?? null,
        slug: input.slug,
        name: input.name,
        template_id: input.templateId,
        time_zone: input.timeZone,
        locale: input.locale,
        created_at: createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const sites: Site[] = [];
    for (const site of input.sites ?? []) {
      sites.push(await addSite(trx, { schoolId: school.id, ...site, createdAt }));
    }
    return { school: toSchool(school), sites };
  });
}

export async function getSchoolById(db: Db, id: string): Promise<School | undefined> {
  const row = await db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSchool(row);
}

export async function getSchoolBySlug(db: Db, slug: string): Promise<School | undefined> {
  const row = await db.selectFrom('schools').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toSchool(row);
}

export async function listSchools(db: Db, filter: { trustId?: string } = {}): Promise<School[]> {
  let query = db.selectFrom('schools').selectAll();
  if (filter.trustId !== undefined) query = query.where('trust_id', '=', filter.trustId);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map(toSchool);
}

export async function updateSchool(db: Db, id: string, patch: SchoolPatch): Promise<School | undefined> {
  const values = {
    trust_id: patch.trustId,
    name: patch.name,
    template_id: patch.templateId,
    time_zone: patch.timeZone,
    locale: patch.locale,
  };
  if (Object.values(values).every((value) => value === undefined)) return getSchoolById(db, id);
  const row = await db
    .updateTable('schools')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toSchool(row);
}

export async function addSite(
  db: Db,
  input: NewSite & { schoolId: string; id?: string; createdAt?: IsoTimestamp },
): Promise<Site> {
  const row = await db
    .insertInto('sites')
    .values({
      id: input.id ?? newId(),
      school_id: input.schoolId,
      slug: input.slug,
      name: input.name,
      created_at: input.createdAt ?? nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSite(row);
}

export async function listSites(db: Db, schoolId: string): Promise<Site[]> {
  const rows = await db
    .selectFrom('sites')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('slug')
    .execute();
  return rows.map(toSite);
}
