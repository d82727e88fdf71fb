import { MONITOR_CATEGORY_IDS, type MonitorCategory, type Severity } from './categories.ts';
import { CY } from './libraries/cy.ts';
import { EN } from './libraries/en.ts';
import { normalise } from './normalise.ts';

/**
 * Phrase libraries: Haven's own, per language, versioned, and a school's changes on top (phrases
 * added, disabled or re-graded). The whole library can be published to parents as it stands, as
 * UKSIC asks schools to be open about what is monitored (`publishedLibrary`).
 */

export type PhraseEntry = readonly [MonitorCategory, Severity, string];

export const LIBRARY_VERSION = '2026-12-01';

export const LANGUAGES = { en: EN, cy: CY } as const;
export type Language = keyof typeof LANGUAGES;

export interface Phrase {
  /** `<language>:<category>:<normalised text>`: stable across versions while the words stay. */
  id: string;
  category: MonitorCategory;
  severity: Severity;
  /** As written in the library. */
  text: string;
  /** As the matcher sees it. */
  normalised: string;
  language: Language | 'school';
}

/** A school's change to the library, kept in its settings. */
export type PhraseChange =
  | { op: 'add'; category: MonitorCategory; severity: Severity; text: string }
  | { op: 'disable'; id: string }
  | { op: 'regrade'; id: string; severity: Severity };

const phraseId = (language: string, category: string, normalised: string) =>
  `${language}:${category}:${normalised}`;

export function basePhrases(languages: readonly Language[] = ['en', 'cy']): Phrase[] {
  const out: Phrase[] = [];
  for (const language of languages)
    for (const [category, severity, text] of LANGUAGES[language]) {
      const n = normalise(text);
      out.push({ id: phraseId(language, category, n), category, severity, text, normalised: n, language });
    }
  return out;
}

/** The library with a school's changes applied, in order; a change naming no phrase is ignored. */
export function schoolPhrases(changes: readonly PhraseChange[], languages?: readonly Language[]): Phrase[] {
  const byId = new Map(basePhrases(languages).map((p) => [p.id, p]));
  for (const c of changes) {
    if (c.op === 'add') {
      const n = normalise(c.text);
      if (n)
        byId.set(phraseId('school', c.category, n), {
          id: phraseId('school', c.category, n),
          category: c.category,
          severity: c.severity,
          text: c.text,
          normalised: n,
          language: 'school',
        });
    } else if (c.op === 'disable') byId.delete(c.id);
    else {
      const p = byId.get(c.id);
      if (p) byId.set(c.id, { ...p, severity: c.severity });
    }
  }
  return [...byId.values()];
}

export interface PhraseFileProblem {
  line: number;
  reason: string;
}

/**
 * A school's phrase file, one phrase a line: `category<TAB>severity<TAB>phrase` (`#` comments and
 * blank lines allowed). Returns the phrases it can use and one problem per bad line; never throws.
 */
export function parsePhraseFile(text: string): { changes: PhraseChange[]; problems: PhraseFileProblem[] } {
  const changes: PhraseChange[] = [];
  const problems: PhraseFileProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [category, severity, ...rest] = line.split('\t');
    const phrase = rest.join(' ').trim();
    if (!MONITOR_CATEGORY_IDS.includes(category as MonitorCategory))
      problems.push({
        line: i + 1,
        reason: `unknown category "${category}" (one of ${MONITOR_CATEGORY_IDS.join(', ')})`,
      });
    else if (!/^[1-5]$/.test(severity ?? ''))
      problems.push({ line: i + 1, reason: `severity must be 1 to 5, not "${severity ?? ''}"` });
    else if (!normalise(phrase)) problems.push({ line: i + 1, reason: 'no phrase' });
    else
      changes.push({
        op: 'add',
        category: category as MonitorCategory,
        severity: Number(severity) as Severity,
        text: phrase,
      });
  });
  return { changes, problems };
}
