import type { Transporter } from 'nodemailer';

/** What Haven sends: one recipient a message; alerts carry no personal content (callers see to it). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML version beside the text (the daily summary). */
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (nodemailer), from HAVEN_SMTP_URL and HAVEN_MAIL_FROM. */
export function smtpMailer(url: string, from: string): Mailer {
  // nodemailer is loaded on the first e-mail, not at start: most runs never send one.
  let transport: Promise<Transporter> | null = null;
  const open = () => {
    transport ??= import('nodemailer').then((m) => m.default.createTransport(url, { from }));
    return transport;
  };
  return {
    async send(message) {
      await (await open()).sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
