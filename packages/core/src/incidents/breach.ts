/**
 * The 72-hour clock for personal data breaches (UK GDPR article 33: report to the ICO within 72
 * hours of becoming aware, unless the breach is unlikely to risk people's rights and freedoms;
 * seed 003 and 004, R003-110). The clock runs from the moment of awareness, not from the report.
 */

export const ICO_DEADLINE_HOURS = 72;
/** Reminders to the DPO and SIRO at these hours since awareness, while the clock runs. */
export const REMINDER_HOURS = [24, 48, 60, 70] as const;

export type ClockState = 'running' | 'due-soon' | 'overdue' | 'reported' | 'not-reportable';

export interface BreachClock {
  state: ClockState;
  awareAt: string;
  deadline: string;
  /** Milliseconds left (negative when overdue); null once stopped. */
  remainingMs: number | null;
  /** Hours taken to report, when reported. */
  reportedAfterHours: number | null;
  /** Reported after the deadline: the ICO asks for the reasons for the delay. */
  late: boolean;
}

export function breachClock(
  b: { awareAt: string; reportedToIcoAt: string | null; notReportableReason: string | null },
  now: Date,
): BreachClock {
  const aware = Date.parse(b.awareAt);
  const deadlineMs = aware + ICO_DEADLINE_HOURS * 3_600_000;
  const deadline = new Date(deadlineMs).toISOString();
  if (b.reportedToIcoAt) {
    const took = (Date.parse(b.reportedToIcoAt) - aware) / 3_600_000;
    return {
      state: 'reported',
      awareAt: b.awareAt,
      deadline,
      remainingMs: null,
      reportedAfterHours: Math.round(took * 10) / 10,
      late: took > ICO_DEADLINE_HOURS,
    };
  }
  if (b.notReportableReason)
    return {
      state: 'not-reportable',
      awareAt: b.awareAt,
      deadline,
      remainingMs: null,
      reportedAfterHours: null,
      late: false,
    };
  const remaining = deadlineMs - now.getTime();
  return {
    state: remaining < 0 ? 'overdue' : remaining < 12 * 3_600_000 ? 'due-soon' : 'running',
    awareAt: b.awareAt,
    deadline,
    remainingMs: remaining,
    reportedAfterHours: null,
    late: remaining < 0,
  };
}

/** The reminder hours already passed that have not been sent yet. */
export function dueReminders(awareAt: string, sent: readonly number[], now: Date): number[] {
  const hours = (now.getTime() - Date.parse(awareAt)) / 3_600_000;
  return REMINDER_HOURS.filter((h) => h <= hours && !sent.includes(h));
}
