import { filter, monitor } from '@haven/core';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import {
  claimDailySummary,
  countDay,
  type DayCounts,
  hasDailySummary,
  listDailySummaries,
  pendingDailySummaries,
  setSummaryEmail,
} from '../repositories/daily-summaries.ts';
import { getSchoolById, listSchools } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { monitorContext } from './monitor-settings-service.ts';
import { holdersOf } from './notification-service.ts';
import { authorise } from './school-service.ts';

/**
 * The daily internet usage summary (seed 000, R000-040: "a daily internet usage summary … emailed
 * to the safeguarding officer"): totals, blocked attempts by category and group, those with the
 * most blocked attempts, illegal-list and bypass attempts, new alerts by severity, exceptions in
 * force and review requests waiting. Made once per school and day after the configured time (a
 * restart cannot make a second), kept in Haven, and e-mailed to the DSL and deputies over SMTP,
 * retried until it goes. Unlike alerts it names people: it is for the safeguarding officer alone.
 */

/** When yesterday's summary is made and sent, in the school's time zone, unless its settings say otherwise. */
export const SUMMARY_TIME = monitor.DEFAULT_MONITOR_SETTINGS.summaryTime;
/** Tries before a summary's e-mail is marked failed (it stays readable in Haven). */
export const SUMMARY_ATTEMPTS = 10;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const categoryName = (id: string) =>
  filter.isCategoryId(id) ? filter.CATEGORY_LABELS[id] : id === 'uncategorised' ? 'Uncategorised' : id;

export function renderSummary(schoolName: string, day: string, c: DayCounts): { text: string; html: string } {
  const rows: [string, [string, number][]][] = [
    ['Blocked by category', c.blockedByCategory.map((r) => [categoryName(r.category), r.count])],
    ['Blocked by group', c.blockedByGroup.map((r) => [r.group, r.count])],
    ['Most blocked attempts', c.topBlocked.map((r) => [r.who, r.count])],
    ['New monitoring alerts by severity', c.alertsBySeverity.map((r) => [`severity ${r.severity}`, r.count])],
  ];
  const headline: [string, number][] = [
    ['Requests', c.total],
    ['Blocked', c.blocked],
    ['Illegal-list attempts', c.illegalHits],
    ['Filter bypass attempts', c.bypassAttempts],
    ['Exceptions in force', c.exceptionsInForce],
    ['Review requests waiting', c.reviewsWaiting],
  ];
  const text = [
    `Daily internet usage summary: ${schoolName}, ${day}`,
    '',
    ...headline.map(([k, v]) => `${k}: ${v}`),
    ...rows.flatMap(([title, list]) => [
      '',
      `${title}:`,
      ...(list.length ? list.map(([k, v]) => `  ${k}: ${v}`) : ['  none']),
    ]),
    '',
    'This summary names pupils and staff: keep it to those who need it. The details are in Haven.',
  ].join('\n');
  const table = (title: string, list: [string, number][]) =>
    `<h2>${esc(title)}</h2>${list.length ? `<table><tbody>${list.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>` : '<p>None.</p>'}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Daily summary ${day}`)}</title></head><body><h1>${esc(`Daily internet usage summary: ${schoolName}, ${day}`)}</h1>${table('The day', headline)}${rows.map(([t, l]) => table(t, l)).join('')}<p>This summary names pupils and staff: keep it to those who need it.</p></body></html>`;
  return { text, html };
}

/**
 * A local day of a school as the instants the logs are stored in: its first moment and the next
 * day's, in the school's time zone (a day the clocks change on is 23 or 25 hours long).
 */
export function summaryWindow(timeZone: string, day: string): { from: string; to: string } {
  const { start, end } = filter.dayBounds(timeZone, day);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The local day before `now`, and its start and end as instants, in the school's time zone. */
function yesterday(
  timeZone: string,
  now: Date,
  time: string,
): { day: string; from: string; to: string; dueAt: Date } {
  const today = filter.localTime(timeZone, now).date;
  const day = filter.addDays(today, -1);
  return {
    day,
    ...summaryWindow(timeZone, day),
    dueAt: filter.instantOf(timeZone, `${today}T${time}`),
  };
}

/**
 * One day's summary worked out from the logs as they stand, the way the daily job makes it, but
 * neither kept nor sent: for looking at a day on demand (after an import, say) without taking the
 * place of the summary the job keeps and e-mails. Exceptions and review requests are counted as
 * the job counts them (in force at the day's end; waiting now).
 */
export async function summariseDay(
  haven: Haven,
  schoolId: string,
  day: string,
): Promise<{ day: string; from: string; to: string; counts: DayCounts; text: string; html: string }> {
  const school = await getSchoolById(haven.db, schoolId);
  if (!school) throw errors.notFound('That school');
  const window = summaryWindow(school.timeZone, day);
  const counts = await countDay(haven.db, school.id, window.from, window.to);
  return { day, ...window, counts, ...renderSummary(school.name, day, counts) };
}

/**
 * Makes yesterday's summary for each school whose time has come and which has none yet, then
 * sends those not yet sent. Safe to run every minute and after any restart.
 */
export async function runDailySummaries(haven: Haven, mailer: Mailer | null) {
  const now = haven.now();
  let made = 0;
  for (const school of await listSchools(haven.db)) {
    const { settings } = await monitorContext(haven.db, school.id);
    const y = yesterday(school.timeZone, now, settings.summaryTime);
    if (now < y.dueAt || (await hasDailySummary(haven.db, school.id, y.day))) continue;
    const counts = await countDay(haven.db, school.id, y.from, y.to);
    const { text, html } = renderSummary(school.name, y.day, counts);
    if (
      await claimDailySummary(haven.db, {
        schoolId: school.id,
        day: y.day,
        at: now.toISOString(),
        sealedText: haven.box.seal(text),
        sealedHtml: haven.box.seal(html),
      })
    )
      made++;
  }
  let sent = 0;
  for (const s of await pendingDailySummaries(haven.db)) {
    if (!mailer) break;
    const school = await getSchoolById(haven.db, s.schoolId);
    const { settings } = await monitorContext(haven.db, s.schoolId);
    const to = await holdersOf(haven, s.schoolId, settings.summaryTo);
    try {
      for (const r of to)
        await mailer.send({
          to: r.email,
          subject: `Haven: daily internet usage summary, ${school?.name ?? ''}, ${s.day}`,
          text: haven.box.open(s.sealedText),
          html: haven.box.open(s.sealedHtml),
        });
      await setSummaryEmail(haven.db, s.schoolId, s.day, {
        state: 'sent',
        attempts: s.attempts + 1,
        sentAt: haven.now().toISOString(),
      });
      sent++;
    } catch {
      const attempts = s.attempts + 1;
      await setSummaryEmail(haven.db, s.schoolId, s.day, {
        state: attempts >= SUMMARY_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        sentAt: null,
      });
    }
  }
  return { made, sent };
}

/** The kept summaries, newest first, for the DSL (audit-logged). */
export async function dailySummaries(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'monitorAlerts', 'read');
  const list = await listDailySummaries(haven.db, schoolId);
  await audit(
    haven.db,
    actor,
    'monitor.summaries-viewed',
    { type: 'school', id: schoolId, schoolId },
    { count: list.length },
  );
  return {
    summaries: list.map((s) => ({
      day: s.day,
      createdAt: s.createdAt,
      emailState: s.emailState,
      sentAt: s.sentAt,
      text: haven.box.open(s.sealedText),
    })),
  };
}
