/**
 * Helpers for the filter tests: lists as plain input data (a Map, not the list store), and a
 * fingerprint of everything a filter route might change, to compare before and after.
 */
import type { filter } from '@haven/core';
import type { Db } from '../../src/db/schema.ts';
import type { ListProvider } from '../../src/haven.ts';

/** Category lists and an illegal list over plain Maps and Sets; a host's parent domains count too. */
export class MapLists implements ListProvider, filter.ListLookup {
  readonly categories = new Map<string, filter.CategoryId[]>();
  readonly illegalHosts = new Set<string>();

  current(): filter.ListLookup {
    return this;
  }

  categorise(host: string): { categories: readonly filter.CategoryId[]; matched: string } | null {
    for (const suffix of suffixes(host)) {
      const categories = this.categories.get(suffix);
      if (categories) return { categories, matched: suffix };
    }
    return null;
  }

  illegal(host: string): boolean {
    return suffixes(host).some((suffix) => this.illegalHosts.has(suffix));
  }
}

function suffixes(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** What the filter routes can change for a school, as comparable text. */
export async function filterState(db: Db, schoolId: string) {
  const settings = await db
    .selectFrom('filter_settings')
    .select('revision')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  const exceptions = await db
    .selectFrom('filter_exceptions')
    .select(['id', 'status'])
    .where('school_id', '=', schoolId)
    .execute();
  const reviews = await db
    .selectFrom('filter_review_requests')
    .select(['id', 'status'])
    .where('school_id', '=', schoolId)
    .execute();
  const tests = await db
    .selectFrom('filter_test_runs')
    .select('id')
    .where('school_id', '=', schoolId)
    .execute();
  const gateways = await db
    .selectFrom('gateways')
    .select(['id', 'revoked_at'])
    .where('school_id', '=', schoolId)
    .execute();
  return {
    settingsRevision: settings?.revision ?? 0,
    exceptions: exceptions.map((e) => `${e.id}:${e.status}`).sort(),
    reviews: reviews.map((r) => `${r.id}:${r.status}`).sort(),
    tests: tests.length,
    gateways: gateways.map((g) => `${g.id}:${g.revoked_at ?? 'live'}`).sort(),
  };
}
