import { en } from './en.ts';

/**
 * Every user-facing string goes through this catalogue. English is complete; other languages
 * (Welsh next, for schools such as Milford Haven) fall back to English key by key.
 */
export type MessageKey = keyof typeof en;
export type Locale = 'en' | 'cy';

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = {
  en,
  cy: {},
};

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function t(
  key: MessageKey,
  params: Record<string, string | number> = {},
  locale: Locale = 'en',
): string {
  const template = catalogues[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export { en };
