import { en, type MessageKey, t } from '@haven/core/i18n';

export type { MessageKey };
export { t };

/** The message for a key built at run time (a grant, a status), or `fallback` where none exists. */
export function tOr(key: string, fallback: string, params: Record<string, string | number> = {}): string {
  return Object.hasOwn(en, key) ? t(key as MessageKey, params) : fallback;
}

/** `one` for a count of 1, `other` otherwise; `{count}` is filled in. */
export function tCount(
  count: number,
  one: MessageKey,
  other: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return t(count === 1 ? one : other, { ...params, count });
}
