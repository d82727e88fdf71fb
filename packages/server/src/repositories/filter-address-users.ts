import type { Db, IsoTimestamp } from '../db/schema.ts';

/** A client address a sign-in has tied to a user (and their group) until a time. */
export interface AddressUser {
  address: string;
  user: string;
  group: string;
  until: IsoTimestamp;
}

/** Ties an address to a user, replacing whoever held it. For the sign-in hook to come. */
export async function setAddressUser(db: Db, schoolId: string, entry: AddressUser): Promise<void> {
  await db
    .insertInto('filter_address_users')
    .values({
      school_id: schoolId,
      address: entry.address,
      username: entry.user,
      group_id: entry.group,
      until: entry.until,
    })
    .onConflict((oc) =>
      oc.columns(['school_id', 'address']).doUpdateSet((eb) => ({
        username: eb.ref('excluded.username'),
        group_id: eb.ref('excluded.group_id'),
        until: eb.ref('excluded.until'),
      })),
    )
    .execute();
}

/** The associations still running at `now`, by address. */
export async function listCurrentAddressUsers(
  db: Db,
  schoolId: string,
  now: IsoTimestamp,
): Promise<AddressUser[]> {
  const rows = await db
    .selectFrom('filter_address_users')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('until', '>', now)
    .orderBy('address')
    .execute();
  return rows.map((r) => ({ address: r.address, user: r.username, group: r.group_id, until: r.until }));
}

/** Removes associations that ended at or before `now`. Returns how many. */
export async function deleteEndedAddressUsers(db: Db, now: IsoTimestamp): Promise<number> {
  const result = await db.deleteFrom('filter_address_users').where('until', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Keeps each sign-in in the history as well: an imported log from last week is put to the person
 * who was signed in at that address then, which the current association cannot tell.
 */
export async function recordSignIn(
  db: Db,
  schoolId: string,
  entry: AddressUser & { since: IsoTimestamp },
): Promise<void> {
  await db
    .insertInto('filter_sign_in_history')
    .values({
      school_id: schoolId,
      address: entry.address,
      username: entry.user,
      group_id: entry.group,
      since: entry.since,
      until: entry.until,
    })
    .execute();
}

export interface SignInSpan {
  user: string;
  group: string;
  since: number;
  until: number;
}

/** The school's sign-in history by address, each address's spans in time order. */
export async function signInHistory(db: Db, schoolId: string): Promise<Map<string, SignInSpan[]>> {
  const rows = await db
    .selectFrom('filter_sign_in_history')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('address')
    .orderBy('since')
    .execute();
  const out = new Map<string, SignInSpan[]>();
  for (const r of rows) {
    const spans = out.get(r.address) ?? [];
    spans.push({
      user: r.username,
      group: r.group_id,
      since: Date.parse(r.since),
      until: Date.parse(r.until),
    });
    out.set(r.address, spans);
  }
  return out;
}

/** Removes history older than the decision log keeps (the same retention). */
export async function deleteSignInHistoryBefore(db: Db, schoolId: string, before: IsoTimestamp) {
  await db
    .deleteFrom('filter_sign_in_history')
    .where('school_id', '=', schoolId)
    .where('until', '<', before)
    .execute();
}
