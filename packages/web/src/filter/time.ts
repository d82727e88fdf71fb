/**
 * Times on the filter pages are the school's: shown in its time zone, and typed into
 * `datetime-local` fields as its wall-clock time whatever zone the browser is in.
 */

const DAY_MS = 86_400_000;

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormatters.set(timeZone, f);
  }
  return f;
}

function wallParts(timeZone: string, ms: number): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of wallFormatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

/** The wall-clock time an instant shows in a zone, as a `datetime-local` value: `2026-11-23T09:05`. */
export function toLocalInput(timeZone: string, at: Date | number): string {
  const p = wallParts(timeZone, typeof at === 'number' ? at : at.getTime());
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The zone's offset from UTC at an instant, in milliseconds (London in summer: +3 600 000). */
function offsetAt(timeZone: string, ms: number): number {
  const p = wallParts(timeZone, ms);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return wall - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant a school wall-clock time names (`2026-03-29T09:00` in Europe/London), or null for
 * text that is not such a time. A time the clocks skip is read past the change; one that happens
 * twice (the autumn hour) is read as the first.
 */
export function fromLocalInput(timeZone: string, wall: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(asUtc)) return null;
  let before: number;
  let after: number;
  try {
    before = offsetAt(timeZone, asUtc - DAY_MS);
    after = offsetAt(timeZone, asUtc + DAY_MS);
  } catch {
    return null;
  }
  const candidates = [asUtc - Math.max(before, after), asUtc - Math.min(before, after)];
  for (const candidate of candidates) {
    if (asUtc - offsetAt(timeZone, candidate) === candidate) return new Date(candidate);
  }
  return new Date(asUtc - before);
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/** "23 Nov 2026, 09:05" in the school's time zone; the input unchanged where it is not a time. */
export function formatSchoolTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  let f = instantFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });
    }
    instantFormatters.set(timeZone, f);
  }
  return f.format(ms);
}

/** Now, to the minute, as a `datetime-local` value in the school's zone. */
export function nowLocalInput(timeZone: string, now: Date = new Date()): string {
  return toLocalInput(timeZone, now);
}

/** A `datetime-local` value moved on by some minutes (in real time, so across a change of clocks too). */
export function addMinutesLocal(timeZone: string, wall: string, minutes: number): string {
  const at = fromLocalInput(timeZone, wall);
  return at ? toLocalInput(timeZone, at.getTime() + minutes * 60_000) : wall;
}

/** Whether a zone name is one this browser knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zones to offer in a select, with the current one kept even if the browser does not list it. */
export function timeZoneOptions(current: string): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : ['Europe/London', 'UTC'];
  const set = new Set(zones);
  if (!set.has('UTC')) set.add('UTC');
  if (current && !set.has(current)) set.add(current);
  return [...set].sort();
}
