import type { Selectable } from 'kysely';
import type { Db, GatewaysTable, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';

/** A school's filtering gateway (DNS filter, proxy) and the hash of the token it signs in with. */
export interface GatewayRecord {
  id: string;
  schoolId: string;
  name: string;
  site: string | null;
  createdAt: IsoTimestamp;
  lastSeenAt: IsoTimestamp | null;
  revokedAt: IsoTimestamp | null;
}

const TOKEN_HASH = /^[0-9a-f]{64}$/;

const toGateway = (row: Selectable<GatewaysTable>): GatewayRecord => ({
  id: row.id,
  schoolId: row.school_id,
  name: row.name,
  site: row.site,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
});

export async function createGateway(
  db: Db,
  input: {
    schoolId: string;
    name: string;
    site: string | null;
    credentialHash: string;
    createdAt: IsoTimestamp;
  },
): Promise<GatewayRecord> {
  // A leaked table must not hand out working credentials: only hashes are ever stored.
  if (!TOKEN_HASH.test(input.credentialHash)) {
    throw new TypeError('A gateway credential must be stored as the SHA-256 hex of its token.');
  }
  const row = await db
    .insertInto('gateways')
    .values({
      id: newId(),
      school_id: input.schoolId,
      name: input.name,
      site: input.site,
      credential_hash: input.credentialHash,
      created_at: input.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGateway(row);
}

export async function getGatewayByCredentialHash(db: Db, hash: string): Promise<GatewayRecord | undefined> {
  const row = await db
    .selectFrom('gateways')
    .selectAll()
    .where('credential_hash', '=', hash)
    .executeTakeFirst();
  return row && toGateway(row);
}

export async function getGateway(db: Db, schoolId: string, id: string): Promise<GatewayRecord | undefined> {
  const row = await db
    .selectFrom('gateways')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toGateway(row);
}

export async function listGateways(db: Db, schoolId: string): Promise<GatewayRecord[]> {
  const rows = await db
    .selectFrom('gateways')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toGateway);
}

/** Revokes a gateway's credential; false when it was already revoked or is not the school's. */
export async function revokeGateway(
  db: Db,
  schoolId: string,
  id: string,
  at: IsoTimestamp,
): Promise<boolean> {
  const result = await db
    .updateTable('gateways')
    .set({ revoked_at: at })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchGateway(db: Db, id: string, at: IsoTimestamp): Promise<void> {
  await db.updateTable('gateways').set({ last_seen_at: at }).where('id', '=', id).execute();
}
