import { t } from '../i18n.ts';
import type { MfaEnrolment } from '../types.ts';

/** The secret in groups of four, easier to read out and type. */
function grouped(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The QR code to scan, the same secret as text for typing in by hand, and a link that opens an
 * authenticator app on this device (for someone setting up on their phone).
 * The SVG is shown as an image, so nothing in it can run as script.
 */
export function TotpSetup({ enrolment }: { enrolment: MfaEnrolment }) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`;
  return (
    <div className="totp-setup">
      <ol className="steps">
        <li>{t('web.enrol.stepApp')}</li>
        <li>
          {t('web.enrol.stepScan')}
          <img className="qr" src={src} alt={t('web.enrol.qrAlt')} width={200} height={200} />
        </li>
        <li>
          {t('web.enrol.stepManual')}
          <p>
            <code className="secret">{grouped(enrolment.secret)}</code>
          </p>
          {enrolment.otpauthUrl.startsWith('otpauth://') ? (
            <p>
              <a href={enrolment.otpauthUrl}>{t('web.enrol.openApp')}</a>
            </p>
          ) : null}
        </li>
        <li>{t('web.enrol.stepCode')}</li>
      </ol>
    </div>
  );
}
