import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

interface NoticeProps {
  tone: Tone;
  title?: string;
  /** Announce it when it appears: `polite` for results, `assertive` for errors after an action. */
  live?: 'polite' | 'assertive';
  children?: ReactNode;
}

/** A boxed message. Static notices (a review date warning) are not announced on page load. */
export function Notice({ tone, title, live, children }: NoticeProps) {
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}
