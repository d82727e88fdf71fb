/**
 * The filter's codes in words: effects, clauses of the policy, statuses, kinds of change. Every
 * word comes from the message catalogue; a code the catalogue does not know is shown as it is.
 */
import { t, tOr } from '../i18n.ts';
import type { Citation, Effect, ExceptionScope, ExceptionTarget } from './types.ts';

/** "social media" becomes "Social media", for the start of a cell or a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Allowed / Outside lessons only / Nominated users only / Needs staff permission / Blocked / Illegal. */
export function effectWord(effect: Effect | string): string {
  return tOr(`web.filter.effect.${effect}`, effect);
}

/** The plain name of a category, from the labels the API sends, capitalised. */
export function categoryName(labels: Partial<Record<string, string>> | undefined, id: string): string {
  return upperFirst(labels?.[id] ?? id);
}

/** A matrix cell or policy value in words: `SP` → "SP – allowed with staff permission". */
export function valueWord(value: string): string {
  return tOr(`web.filter.value.${value}`, value);
}

/**
 * A clause of the policy in words: the matrix, its row and the value it gives; or the policy's
 * own sentence; or Haven's baseline where the policy is silent.
 */
export function citationText(c: Citation): string {
  const value = valueWord(c.value);
  switch (c.source) {
    case 'baseline':
      return t('web.filter.citation.baseline', { label: c.label });
    case 'prose-rules':
      return t('web.filter.citation.prose', { quote: c.quote ?? c.label, value });
    default: {
      const matrix = tOr(`web.filter.source.${c.source}`, c.source);
      return c.column
        ? t('web.filter.citation.matrixColumn', {
            matrix,
            column: tOr(`web.filter.column.${c.column}`, c.column),
            row: c.label,
            value,
          })
        : t('web.filter.citation.matrix', { matrix, row: c.label, value });
    }
  }
}

/** Whether two citations are the same clause (the governing one is listed among them too). */
export function sameCitation(a: Citation, b: Citation): boolean {
  return a.source === b.source && a.id === b.id && a.column === b.column;
}

/** The clauses beside the governing one. */
export function otherCitations<C extends Citation>(governing: C, citations: readonly C[]): C[] {
  return citations.filter((c) => !sameCitation(c, governing));
}

export function audienceWord(audience: string): string {
  return tOr(`web.filter.audience.${audience}`, audience);
}

export function keyStageWord(stage: string): string {
  return tOr(`web.filter.keyStage.${stage}`, stage);
}

export function youtubeWord(mode: string): string {
  return tOr(`web.filter.youtube.${mode}`, mode);
}

export function exceptionStatusWord(status: string): string {
  return tOr(`web.filter.exceptionStatus.${status}`, status);
}

export function reviewStatusWord(status: string): string {
  return tOr(`web.filter.reviewStatus.${status}`, status);
}

/** A change-log entry's kind: `exception-approved` → "Exception approved". */
export function changeKindWord(kind: string): string {
  return tOr(`web.filter.changeKind.${kind}`, upperFirst(kind.replace(/-/g, ' ')));
}

export function decisionSourceWord(source: string): string {
  return tOr(`web.filter.decisionSource.${source}`, source);
}

/** How the decision was reached, where no rule of the policy was behind it. */
export function decisionKindWord(kind: string): string {
  return tOr(`web.filter.decisionKind.${kind}`, kind);
}

/**
 * The rule a logged decision cites, stored as `source/id` (`user-actions/gaming`): the part of the
 * policy in words and the row's id. Anything else is shown as it is.
 */
export function ruleRefText(rule: string): string {
  const slash = rule.indexOf('/');
  if (slash <= 0) return rule;
  const source = rule.slice(0, slash);
  const key = `web.filter.source.${source}`;
  const name = tOr(key, '');
  return name ? t('web.filter.ruleRef', { source: name, id: rule.slice(slash + 1) }) : rule;
}

export function actionWord(action: string): string {
  return tOr(`web.filter.action.${action}`, action);
}

/** What a gateway did with a filter test's probe. */
export function observedWord(observed: string): string {
  return tOr(`web.filter.observed.${observed}`, observed);
}

export function weekdayName(day: number): string {
  return tOr(`web.filter.weekday.${day}`, String(day));
}

/** What an exception allows: a site as it is, or a category by name. */
export function targetText(target: ExceptionTarget, labels?: Partial<Record<string, string>>): string {
  return target.kind === 'host'
    ? target.host
    : t('web.filter.exceptions.targetCategory', { category: labels?.[target.category] ?? target.category });
}

/** Who an exception covers: a group by name, a user, a class by name and size. */
export function scopeText(scope: ExceptionScope, groupName: (id: string) => string): string {
  switch (scope.kind) {
    case 'group':
      return t('web.filter.exceptions.scopeGroup', { group: groupName(scope.group) });
    case 'user':
      return t('web.filter.exceptions.scopeUser', { user: scope.user });
    case 'class':
      return scope.users.length === 1
        ? t('web.filter.exceptions.scopeClassOne', { name: scope.name, count: 1 })
        : t('web.filter.exceptions.scopeClassOther', { name: scope.name, count: scope.users.length });
  }
}

/** Usernames typed one a line or separated by commas, semicolons or spaces; each once. */
export function parseUsernames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((u) => u.trim())
        .filter(Boolean),
    ),
  ];
}
