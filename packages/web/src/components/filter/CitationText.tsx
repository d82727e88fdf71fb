import type { Citation } from '../../filter/types.ts';
import { citationText } from '../../filter/words.ts';
import { t } from '../../i18n.ts';

/** A clause of the policy in words, with what the policy excepts from it. */
export function CitationText({ citation }: { citation: Citation }) {
  return (
    <>
      {citationText(citation)}
      {citation.except ? (
        <span className="citation-except">
          {' '}
          {t('web.filter.citation.except', { except: citation.except })}
        </span>
      ) : null}
    </>
  );
}

/** The clauses beside the governing one, or "None". */
export function CitationList({ citations }: { citations: readonly Citation[] }) {
  if (citations.length === 0) return <span className="muted">{t('web.filter.groups.noOthers')}</span>;
  return (
    <ul className="citations">
      {citations.map((c) => (
        <li key={`${c.source}/${c.id}/${c.column ?? ''}`}>
          <CitationText citation={c} />
        </li>
      ))}
    </ul>
  );
}
