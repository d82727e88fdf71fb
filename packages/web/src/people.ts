import { tOr } from './i18n.ts';
import { PERSON_KINDS } from './types.ts';

export function kindLabel(kind: string): string {
  return tOr(`web.personKind.${kind}`, kind);
}

export const kindOptions = PERSON_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
