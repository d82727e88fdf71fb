import { t } from '../i18n.ts';
import { TextField } from './TextField.tsx';

/** The two-factor code field: a 6-digit code from an app, or (where allowed) a recovery code. */
export function CodeField({
  value,
  onChange,
  error,
  allowRecovery,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  allowRecovery: boolean;
}) {
  return (
    <TextField
      id="code"
      label={t('web.mfa.code')}
      hint={allowRecovery ? t('web.mfa.codeHintRecovery') : t('web.mfa.codeHint')}
      autoComplete="one-time-code"
      inputMode={allowRecovery ? 'text' : 'numeric'}
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Spaces are what people type between digit groups; the API takes the code without them. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toLowerCase();
}
