import { z } from 'zod';
import { MONITOR_CATEGORY_IDS, type Severity } from './categories.ts';
import type { PhraseChange } from './library.ts';

/**
 * A school's monitoring settings, kept as revisions like its filter settings: its changes to the
 * phrase library, the alert thresholds for each filter group (an infant's search for a word may
 * matter where a sixth former's does not), how often lower-severity alerts are gathered into a
 * digest, and when the daily summary is made.
 */

const severity = z.number().int().min(1).max(5);

const phraseChange = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('add'),
    category: z.enum(MONITOR_CATEGORY_IDS),
    severity,
    text: z.string().trim().min(1).max(200),
  }),
  z.strictObject({ op: z.literal('disable'), id: z.string().min(1).max(300) }),
  z.strictObject({ op: z.literal('regrade'), id: z.string().min(1).max(300), severity }),
]);

export const groupThreshold = z
  .strictObject({
    /** Matches below this severity raise no alert for the group. */
    alertFrom: severity,
    /** Alerts at or above this severity reach the DSL at once; the rest wait for the digest. */
    immediateFrom: severity,
  })
  .refine((t) => t.immediateFrom >= t.alertFrom, {
    message: 'immediateFrom must not be below alertFrom',
    path: ['immediateFrom'],
  });

export const monitorSettings = z.strictObject({
  phrases: z.array(phraseChange).max(5000).default([]),
  /** By filter group id; a group not named takes `defaultThreshold`. */
  thresholds: z.record(z.string().min(1).max(64), groupThreshold).default({}),
  defaultThreshold: groupThreshold.default({ alertFrom: 1, immediateFrom: 4 }),
  /** Hours between digests of alerts that were not sent at once; 0 sends none. */
  digestHours: z
    .union([z.literal(0), z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(24)])
    .default(4),
  /** Local time (HH:MM, school's time zone) after which the day before's summary is made. */
  summaryTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 07:00')
    .default('07:00'),
  /**
   * Posts the daily summary goes to: the DSL (and deputies) always, and whoever else the
   * school's policy names.
   */
  summaryTo: z
    .array(z.enum(['dsl', 'headteacher', 'online-safety-lead']))
    .refine((to) => to.includes('dsl'), 'the summary always goes to the DSL')
    .default(['dsl']),
});

export type MonitorSettings = z.infer<typeof monitorSettings>;
export type GroupThreshold = z.infer<typeof groupThreshold>;

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = monitorSettings.parse({});

export function thresholdFor(settings: MonitorSettings, group: string): GroupThreshold {
  return settings.thresholds[group] ?? settings.defaultThreshold;
}

/** The settings' phrase changes in the library's own type (zod's inferred one is wider). */
export function phraseChanges(settings: MonitorSettings): PhraseChange[] {
  return settings.phrases.map((c) =>
    c.op === 'disable' ? c : { ...c, severity: c.severity as Severity },
  ) as PhraseChange[];
}
