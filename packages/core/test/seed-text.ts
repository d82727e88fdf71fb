import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The seed policies live beside the repository (`../shared/seeds`), not in it. Tests read them
 * when present; where they are not (a clone elsewhere), the seed-text comparisons skip with a
 * visible message and the hand-written cell checks still run.
 */
export function seedsDir(): string | null {
  const fromEnv = process.env.HAVEN_SEEDS_DIR;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
    const sibling = join(dir, '..', 'shared', 'seeds');
    if (existsSync(sibling)) return resolve(sibling);
    dir = dirname(dir);
  }
  return null;
}

export const SEEDS_MISSING_MESSAGE =
  'seed texts not found (set HAVEN_SEEDS_DIR or place shared/seeds beside the repository): skipping seed-text comparisons';

/** The seed's lines, 1-based: `lines[n]` is line n as the seed has it (index 0 is unused). */
export function seedLines(file: string): string[] | null {
  const dir = seedsDir();
  if (!dir) return null;
  const text = readFileSync(join(dir, file), 'utf8');
  return ['', ...text.split(/\r?\n/)];
}

/** A table line split into its tab-separated cells, as the seed has them. */
export function cellsOf(line: string): string[] {
  return line.split('\t');
}

/** A cell marked with an X (either case), as the seeds mark matrix cells. */
export function isMarked(cell: string | undefined): boolean {
  return (cell ?? '').trim().toLowerCase() === 'x';
}
