import { useCallback, useState } from 'react';

export interface KeysetPages<C> {
  /** The cursor of the page being shown; undefined for the newest. */
  cursor: C | undefined;
  /** 1 for the newest page. */
  page: number;
  older(next: C): void;
  newer(): void;
  newest(): void;
}

/**
 * Paging through a newest-first log a page at a time by the cursor each page gives for the next
 * (keyset paging: no counting, no skipped or repeated rows as new entries arrive). The cursors
 * of the pages walked are kept so "Newer" can go back.
 */
export function useKeysetPages<C>(): KeysetPages<C> {
  const [stack, setStack] = useState<C[]>([]);
  const older = useCallback((next: C) => setStack((s) => [...s, next]), []);
  const newer = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const newest = useCallback(() => setStack([]), []);
  return { cursor: stack.at(-1), page: stack.length + 1, older, newer, newest };
}
