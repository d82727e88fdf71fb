import type { Haven } from '../haven.ts';
import { runDailySummaries } from '../services/daily-summary-service.ts';
import { runAlertDigests } from '../services/monitor-digest-service.ts';
import { sendPendingEmails } from '../services/notification-service.ts';
import { runTrainingReminders } from '../services/training-service.ts';
import { type Mailer, smtpMailer } from './mailer.ts';

/**
 * Sends notification e-mails while Haven runs: every few seconds, so an urgent alert reaches the
 * DSL's inbox within moments of being written; and, about once a minute, makes the alert digests
 * and the daily internet usage summary once their time has come, and the weekly training reminders. Returns a function that stops it.
 */
export function startNotificationMail(
  haven: Haven,
  o: { intervalMs?: number; scheduleMs?: number; mailer?: Mailer | null; onError?(e: Error): void } = {},
): () => void {
  const mailer =
    o.mailer !== undefined
      ? o.mailer
      : haven.config.smtpUrl
        ? smtpMailer(haven.config.smtpUrl, haven.config.mailFrom)
        : null;
  let running = false;
  let lastScheduled = Number.NEGATIVE_INFINITY;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      // Digests and summaries need checking about once a minute, not at the pace of urgent mail.
      if (Date.now() - lastScheduled >= (o.scheduleMs ?? 60_000)) {
        lastScheduled = Date.now();
        await runAlertDigests(haven);
        await runDailySummaries(haven, mailer);
        await runTrainingReminders(haven);
      }
      await sendPendingEmails(haven, mailer);
    } catch (error) {
      o.onError?.(error as Error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), o.intervalMs ?? 5_000);
  timer.unref();
  void run();
  return () => {
    clearInterval(timer);
    mailer?.close();
  };
}
