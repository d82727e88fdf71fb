import { t } from '../i18n.ts';
import type { Provenance } from '../types.ts';

/** Where in the policy a row comes from: the seed text (or the school's own), section, line, quote. */
export function SourceNote({ source }: { source: Provenance }) {
  const where = [
    source.seed === null ? t('web.source.school') : t('web.source.seed', { seed: source.seed }),
    source.section,
    source.line === undefined ? null : t('web.source.line', { line: source.line }),
  ]
    .filter((part) => part !== null)
    .join(', ');
  return (
    <div className="source-note">
      <p>{where}</p>
      {source.quote ? <blockquote>{source.quote}</blockquote> : null}
    </div>
  );
}
