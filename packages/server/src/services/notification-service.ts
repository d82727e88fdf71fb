import { access } from '@haven/core';
import type { Db } from '../db/schema.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { listAccountsBySchool } from '../repositories/accounts.ts';
import {
  createNotification,
  getNotification,
  listNotificationsFor,
  listPendingEmails,
  markNotificationRead,
  type NewNotification,
  type Notification,
  setEmailOutcome,
} from '../repositories/notifications.ts';
import { listRoleAssignmentsBySchool } from '../repositories/role-assignments.ts';
import { getSchoolById } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { currentPolicy } from './school-service.ts';

/**
 * Notifications reach the holders of posts (the DSL and deputies hold `dsl`), in the app and, for
 * urgent ones, by e-mail. Neither carries personal content: a title that names what kind of thing
 * happened, and a link to sign in and see it where access rules and the audit log apply.
 */

/** Tries before an e-mail is given up as failed (the notification stays in the app). */
export const EMAIL_ATTEMPTS = 5;

/** Written inside the caller's transaction, with whatever caused it. */
export function notify(trx: Db, input: NewNotification): Promise<Notification> {
  return createNotification(trx, input);
}

export async function myNotifications(haven: Haven, actor: Actor, query: { limit?: number } = {}) {
  if (!actor.accountId || !actor.schoolId) return { notifications: [], unread: 0 };
  const list = await listNotificationsFor(haven.db, actor.schoolId, actor.accountId, actor.grants, query);
  return {
    notifications: list.map((n) => ({
      id: n.id,
      createdAt: n.createdAt,
      kind: n.kind,
      urgent: n.urgent,
      title: n.title,
      link: n.link,
      readAt: n.readAt,
    })),
    unread: list.filter((n) => n.readAt === null).length,
  };
}

export async function markMyNotificationRead(haven: Haven, actor: Actor, id: string): Promise<void> {
  const n = await getNotification(haven.db, id);
  // Someone else's notification looks like none at all.
  if (
    !n ||
    !actor.accountId ||
    n.schoolId !== actor.schoolId ||
    !n.audience.some((g) => actor.grants.includes(g))
  )
    throw errors.notFound('That notification');
  await markNotificationRead(haven.db, id, actor.accountId, haven.now().toISOString());
}

/**
 * The accounts of a school holding any of the grants, directly or through a post in the current
 * policy; disabled accounts and accounts without an address are left out. One pass over the
 * school's accounts and role assignments, not a query per account.
 */
export async function holdersOf(haven: Haven, schoolId: string, grants: readonly string[]) {
  const wanted = new Set(grants);
  const [accounts, assignments, current] = await Promise.all([
    listAccountsBySchool(haven.db, schoolId),
    listRoleAssignmentsBySchool(haven.db, schoolId),
    currentPolicy(haven, schoolId),
  ]);
  const givingRoles = new Set(
    (current?.document.roles ?? [])
      .filter((r) => access.grantsForRoleKinds(r.kinds).some((g) => wanted.has(g)))
      .map((r) => r.id),
  );
  const holdingPeople = new Set(
    assignments.filter((a) => givingRoles.has(a.policyRoleId)).map((a) => a.personId),
  );
  return accounts.filter(
    (a) =>
      !a.disabledAt &&
      a.email.includes('@') &&
      (wanted.has(`account:${a.id}`) ||
        a.grants.some((g) => wanted.has(g)) ||
        (a.personId !== null && holdingPeople.has(a.personId))),
  );
}

function signInUrl(haven: Haven, link: string): string {
  const base =
    haven.config.publicUrl ??
    `http://${haven.config.host === '0.0.0.0' ? 'localhost' : haven.config.host}:${haven.config.port}`;
  return new URL(link, base).toString();
}

/** The e-mail for a notification: what kind of thing, which school, a link. Nothing about anyone. */
export function emailFor(haven: Haven, n: Notification, schoolName: string) {
  const subject = n.urgent ? `Haven: urgent — ${n.title}` : `Haven: ${n.title}`;
  const text = [
    `${n.title}.`,
    '',
    `School: ${schoolName}`,
    `When: ${n.createdAt}`,
    '',
    'Sign in to Haven to see the details (they are not sent by e-mail):',
    signInUrl(haven, n.link),
    '',
    n.kind === 'training-reminder'
      ? 'You receive this because the school asks this training of you; it comes at most once a week.'
      : 'You receive this because of your post in the school’s online safety policy.',
  ].join('\n');
  return { subject, text };
}

/**
 * Sends the e-mails still pending: one message to each holder of the audience's posts. Without a
 * mailer (no HAVEN_SMTP_URL) they are marked not-configured and stay in the app. A failed send is
 * tried again on the next run, up to EMAIL_ATTEMPTS times.
 */
export async function sendPendingEmails(haven: Haven, mailer: Mailer | null) {
  let sent = 0;
  let failed = 0;
  for (const n of await listPendingEmails(haven.db)) {
    if (!mailer) {
      await setEmailOutcome(haven.db, n.id, { state: 'not-configured', attempts: n.emailAttempts, at: null });
      continue;
    }
    const school = await getSchoolById(haven.db, n.schoolId);
    const { subject, text } = emailFor(haven, n, school?.name ?? 'your school');
    const recipients = await holdersOf(haven, n.schoolId, n.audience);
    try {
      for (const r of recipients) await mailer.send({ to: r.email, subject, text });
      await setEmailOutcome(haven.db, n.id, {
        state: 'sent',
        attempts: n.emailAttempts + 1,
        at: haven.now().toISOString(),
      });
      sent++;
    } catch {
      const attempts = n.emailAttempts + 1;
      await setEmailOutcome(haven.db, n.id, {
        state: attempts >= EMAIL_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        at: null,
      });
      failed++;
    }
  }
  return { sent, failed };
}
