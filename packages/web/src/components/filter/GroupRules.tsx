import type { CategoryId, CategoryRule, CompiledGroup, FilterGroup } from '../../filter/types.ts';
import { audienceWord, categoryName, keyStageWord, otherCitations, youtubeWord } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { type Column, DataTable } from '../DataTable.tsx';
import { CitationList, CitationText } from './CitationText.tsx';
import { EffectBadge } from './EffectBadge.tsx';

/** Who is in a group and how search and YouTube are restricted for it. */
export function GroupFacts({ group }: { group: FilterGroup }) {
  return (
    <dl className="facts facts-compact">
      <div>
        <dt>{t('web.filter.groups.audience')}</dt>
        <dd>{audienceWord(group.audience)}</dd>
      </div>
      {group.keyStages.length > 0 ? (
        <div>
          <dt>{t('web.filter.groups.keyStages')}</dt>
          <dd>{group.keyStages.map(keyStageWord).join(', ')}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('web.filter.groups.safeSearch')}</dt>
        <dd>
          {group.safeSearch ? t('web.filter.groups.safeSearchOn') : t('web.filter.groups.safeSearchOff')}
        </dd>
      </div>
      <div>
        <dt>{t('web.filter.groups.youtube')}</dt>
        <dd>{youtubeWord(group.youtube)}</dd>
      </div>
    </dl>
  );
}

interface GroupRulesProps {
  group: CompiledGroup;
  /** Every category with its plain name, in Haven's order. */
  categories: Record<CategoryId, string>;
  groupName(id: string): string;
}

function nominatedText(rule: CategoryRule, groupName: (id: string) => string): string {
  const n = rule.nominated;
  const who = [
    ...(n?.groups ?? []).map((g) => t('web.filter.groups.nominatedGroup', { group: groupName(g) })),
    ...(n?.users ?? []),
  ];
  return who.length > 0
    ? t('web.filter.groups.nominated', { who: who.join(', ') })
    : t('web.filter.groups.nominatedNone');
}

/**
 * A group's rule for each category the policy (or Haven's baseline) speaks to: the effect, the
 * clause that governs it and the others that speak to it; then the categories nothing speaks to.
 */
export function GroupRules({ group, categories, groupName }: GroupRulesProps) {
  const order = Object.keys(categories) as CategoryId[];
  const rules = order.map((c) => group.rules[c]).filter((r): r is CategoryRule => r !== undefined);
  const silent = order.filter((c) => group.rules[c] === undefined);

  const columns: Column<CategoryRule>[] = [
    {
      key: 'category',
      header: t('web.filter.groups.category'),
      cell: (r) => categoryName(categories, r.category),
      rowHeader: true,
    },
    {
      key: 'effect',
      header: t('web.filter.groups.effect'),
      cell: (r) => (
        <>
          <EffectBadge effect={r.effect} />
          {r.effect === 'nominated' ? <p className="cell-note">{nominatedText(r, groupName)}</p> : null}
        </>
      ),
    },
    {
      key: 'governing',
      header: t('web.filter.groups.governing'),
      cell: (r) => <CitationText citation={r.governing} />,
    },
    {
      key: 'others',
      header: t('web.filter.groups.others'),
      cell: (r) => <CitationList citations={otherCitations(r.governing, r.citations)} />,
    },
  ];

  return (
    <>
      <DataTable
        caption={t('web.filter.groups.rulesCaption', { group: group.name })}
        captionHidden
        columns={columns}
        rows={rules}
        rowKey={(r) => r.category}
        empty={<p>{t('web.filter.groups.noRules')}</p>}
      />
      {silent.length > 0 ? (
        <div className="notice notice-info">
          <p className="notice-title">{t('web.filter.groups.silentTitle')}</p>
          <p>
            {t('web.filter.groups.silent', {
              group: group.name,
              categories: silent.map((c) => categories[c] ?? c).join(', '),
            })}
          </p>
        </div>
      ) : null}
    </>
  );
}
