import { can } from '@haven/core/access';
import { Link } from 'react-router-dom';
import { formatSchoolTime } from '../../filter/time.ts';
import type { ExplainResult } from '../../filter/types.ts';
import { actionWord, categoryName, effectWord, otherCitations } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { useAccount } from '../../session.tsx';
import { CitationList, CitationText } from './CitationText.tsx';

interface CheckResultProps {
  result: ExplainResult;
  categories: Partial<Record<string, string>> | undefined;
  timeZone: string;
  groupName(id: string): string;
}

/** The answer to "what happens to this site": allowed or blocked, why, and the clause that decides. */
export function CheckResult({ result, categories, timeZone, groupName }: CheckResultProps) {
  const { grants } = useAccount();
  const d = result.decision;
  const blocked = result.action === 'block';
  const rule = d.rule;
  const site = d.host === null ? t('web.filter.check.hiddenHost') : `${d.host}${d.path ?? ''}`;
  const others = rule ? otherCitations(rule.governing, rule.citations) : [];
  const askLink =
    blocked && d.overridable && d.host !== null && can(grants, 'filterExceptions', 'request')
      ? `${paths.filterExceptions}?${new URLSearchParams({ host: d.host, group: d.group }).toString()}`
      : null;

  return (
    <section aria-labelledby="check-result-heading" className={`panel verdict verdict-${result.action}`}>
      <h2 id="check-result-heading">
        <span className={`badge verdict-badge verdict-badge-${result.action}`}>
          {actionWord(result.action)}
        </span>{' '}
        <span className="break">{site}</span>
      </h2>
      <p className="verdict-reason">{result.reason}</p>
      <dl className="facts">
        <div>
          <dt>{t('web.filter.check.group')}</dt>
          <dd>{groupName(d.group)}</dd>
        </div>
        {d.user ? (
          <div>
            <dt>{t('web.filter.check.user')}</dt>
            <dd className="break">{d.user}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('web.filter.check.when')}</dt>
          <dd>
            {formatSchoolTime(d.at, timeZone)}
            {d.lessonTime === null ? null : (
              <>
                {' '}
                ({d.lessonTime ? t('web.filter.check.duringLessons') : t('web.filter.check.outsideLessons')})
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.filter.check.category')}</dt>
          <dd>
            {result.category
              ? categoryName(categories, result.category)
              : d.host === null
                ? t('web.filter.check.illegalList')
                : t('web.filter.check.uncategorised')}
          </dd>
        </div>
        {rule ? (
          <div>
            <dt>{t('web.filter.check.rule')}</dt>
            <dd>{effectWord(rule.effect)}</dd>
          </div>
        ) : null}
      </dl>
      <h3>{t('web.filter.check.clause')}</h3>
      {d.kind === 'exception' || d.kind === 'standing-allow' || d.kind === 'standing-block' ? (
        <p className="muted">
          {d.kind === 'exception'
            ? t('web.filter.check.clauseException')
            : t('web.filter.check.clauseStanding')}
        </p>
      ) : null}
      <p className="clause">
        {rule ? <CitationText citation={rule.governing} /> : t('web.filter.check.noClause')}
      </p>
      {others.length > 0 ? (
        <>
          <h3>{t('web.filter.check.otherClauses')}</h3>
          <CitationList citations={others} />
        </>
      ) : null}
      {askLink ? (
        <p>
          <Link to={askLink}>{t('web.filter.check.askException')}</Link>
        </p>
      ) : null}
    </section>
  );
}
