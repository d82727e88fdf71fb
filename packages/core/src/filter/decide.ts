import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from './categories.ts';
import { type CategoryRule, type Citation, RESTRICTIVENESS } from './compile.ts';
import { NetworkMap, parseCidr } from './network.ts';
import { DOH_CANARY, safeSearchTarget } from './safe-search.ts';
import type { FilterGroup, StandingEntry } from './settings.ts';
import type { ActiveException, FilterSnapshot } from './snapshot.ts';
import { describeMoment, isLessonTime, type Timetable } from './timetable.ts';

/**
 * decide() and explain(). decide() is on every DNS answer and proxied request, so it does the
 * least it can: no sentences, no allocation beyond the result. explain() turns a decision into
 * the sentence a teacher reads, naming the policy clause.
 */

/** What the lists know about an address; the gateway and the CLI implement it over the index. */
export interface ListLookup {
  /** The categories the lists give this host (and path, where known), with the entry that matched. */
  categorise(
    host: string,
    path: string | null,
  ): { categories: readonly CategoryId[]; matched: string } | null;
  /** The licensed illegal-content lists (IWF, CTIRU). Always consulted first. */
  illegal(host: string, path: string | null): boolean;
}

export interface FilterQuery {
  group: string;
  user?: string | null;
  /** Epoch milliseconds or a Date. */
  at: number | Date;
  /** Lower-case host without a trailing dot. */
  host: string;
  /** Path and query where the enforcement point sees them (plain HTTP, the Squid helper); null otherwise. */
  path?: string | null;
}

export type DecisionKind =
  | 'illegal-list'
  | 'doh-canary'
  | 'standing-block'
  | 'standing-allow'
  | 'exception'
  | 'policy'
  | 'uncategorised'
  | 'unknown-group'
  | 'sign-first';

export interface Decision {
  action: 'allow' | 'block';
  kind: DecisionKind;
  /** The category the decision turned on (the blocking one, or the most restricted allowed one). */
  category: CategoryId | null;
  categories: readonly CategoryId[];
  /** The group's rule for `category`. */
  rule: CategoryRule | null;
  exception: ActiveException | null;
  standing: StandingEntry | null;
  /** The list entry that matched. */
  matched: string | null;
  /** Why a DSL or network manager should hear of this at once. */
  alert: 'illegal-list' | 'policy-illegal' | 'bypass' | null;
  /** For `outside-lessons` rules: whether it was lesson time. */
  lessonTime: boolean | null;
  group: string;
  user: string | null;
  at: number;
  host: string;
}

/**
 * The filter test (`haven filter test`) must reach the gateway as each group in turn. It sends
 * from loopback addresses 127.77.<group index>.1: only a process on the gateway's own machine can
 * use those (the kernel drops loopback sources arriving from a network), so no pupil can claim a
 * group this way.
 */
const TEST_PREFIX = '127.77.';
export function testAddressFor(groupIndex: number): string {
  return `${TEST_PREFIX}${groupIndex}.1`;
}

interface PreparedException {
  e: ActiveException;
  from: number;
  until: number;
}

export interface PreparedGroup {
  group: FilterGroup;
  rules: (CategoryRule | undefined)[];
}

/** A snapshot made ready for fast decisions. Immutable: a reload builds a new one and swaps it in. */
export class PreparedFilter {
  readonly snapshot: FilterSnapshot;
  readonly timetable: Timetable;
  readonly #groups = new Map<string, PreparedGroup>();
  readonly #networks: NetworkMap<string>;
  readonly #addressUsers = new Map<string, { user: string; group: string; until: number }>();
  readonly #signFirst = new Map<string, { url: string; host: string }>();
  readonly #standingAllow = new Map<string, StandingEntry>();
  readonly #standingBlock = new Map<string, StandingEntry>();
  readonly #exceptions: PreparedException[];

  constructor(snapshot: FilterSnapshot) {
    this.snapshot = snapshot;
    this.timetable = snapshot.timetable;
    for (const g of snapshot.groups) {
      const rules = CATEGORY_IDS.map((c) => g.rules[c]);
      const { rules: _ignored, ...group } = g;
      this.#groups.set(g.id, { group, rules });
    }
    const nets = [];
    for (const n of snapshot.networks) {
      const cidr = parseCidr(n.cidr);
      if (cidr) nets.push({ cidr, value: n.group });
    }
    this.#networks = new NetworkMap(nets);
    for (const a of snapshot.addressUsers) {
      this.#addressUsers.set(a.address, { user: a.user, group: a.group, until: Date.parse(a.until) });
      if (a.signAt) this.#signFirst.set(a.user, { url: a.signAt, host: new URL(a.signAt).hostname });
    }
    for (const s of snapshot.standing)
      (s.action === 'allow' ? this.#standingAllow : this.#standingBlock).set(s.host, s);
    this.#exceptions = snapshot.exceptions.map((e) => ({
      e,
      from: Date.parse(e.from),
      until: Date.parse(e.until),
    }));
  }

  get groups(): FilterGroup[] {
    return [...this.#groups.values()].map((g) => g.group);
  }

  group(id: string): PreparedGroup | undefined {
    return this.#groups.get(id);
  }

  /** Who is at a client address: a signed-in user's group, else the address's network, else the default. */
  identify(client: string, at: number): { group: string; user: string | null } {
    if (client.startsWith(TEST_PREFIX)) {
      const group = this.snapshot.groups[Number(client.split('.')[2])];
      if (group) return { group: group.id, user: null };
    }
    const signedIn = this.#addressUsers.get(client);
    if (signedIn && signedIn.until > at) return { group: signedIn.group, user: signedIn.user };
    return { group: this.#networks.lookup(client) ?? this.snapshot.defaultGroup, user: null };
  }

  /** Where a user who must sign their agreement first signs it, or null. */
  signFirst(user: string | null): { url: string; host: string } | null {
    return user === null ? null : (this.#signFirst.get(user) ?? null);
  }

  /** The enforced-safe host for a name in a group, or null. */
  safeSearch(group: string, host: string): string | null {
    const g = this.#groups.get(group)?.group;
    return g ? safeSearchTarget(host, g) : null;
  }

  standing(host: string): StandingEntry | null {
    if (this.#standingAllow.size === 0 && this.#standingBlock.size === 0) return null;
    let allow: StandingEntry | null = null;
    for (let i = -1; ; ) {
      const suffix = i < 0 ? host : host.slice(i + 1);
      const block = this.#standingBlock.get(suffix);
      // A block beats an allow at the same or a broader level; the most specific allow still wins
      // over a broader block, so a school can block a domain and allow one of its hosts.
      if (block) return allow ?? block;
      allow ??= this.#standingAllow.get(suffix) ?? null;
      i = host.indexOf('.', i + 1);
      if (i < 0) break;
    }
    return allow;
  }

  /** An approved, current exception covering this user or group for a host or category. */
  exceptionFor(
    group: string,
    user: string | null,
    at: number,
    host: string,
    category: CategoryId | null,
  ): ActiveException | null {
    for (const p of this.#exceptions) {
      if (at < p.from || at >= p.until) continue;
      const { scope, target } = p.e;
      const covers =
        (scope.kind === 'group' && scope.group === group) ||
        (scope.kind === 'user' && user !== null && scope.user === user) ||
        (scope.kind === 'class' && user !== null && scope.users.includes(user));
      if (!covers) continue;
      if (target.kind === 'category' ? target.category === category : hostWithin(host, target.host))
        return p.e;
    }
    return null;
  }
}

function hostWithin(host: string, domain: string): boolean {
  return (
    host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46)
  );
}

function nominated(rule: CategoryRule, group: string, user: string | null): boolean {
  const n = rule.nominated;
  if (!n) return false;
  return n.groups.includes(group) || (user !== null && n.users.includes(user));
}

const CATEGORY_INDEX = new Map<CategoryId, number>(CATEGORY_IDS.map((c, i) => [c, i]));

function base(q: FilterQuery, at: number, kind: DecisionKind, action: 'allow' | 'block'): Decision {
  return {
    action,
    kind,
    category: null,
    categories: [],
    rule: null,
    exception: null,
    standing: null,
    matched: null,
    alert: null,
    lessonTime: null,
    group: q.group,
    user: q.user ?? null,
    at,
    host: q.host,
  };
}

export function decide(filter: PreparedFilter, lists: ListLookup, q: FilterQuery): Decision {
  const at = typeof q.at === 'number' ? q.at : q.at.getTime();
  const path = q.path ?? null;
  const user = q.user ?? null;
  // The illegal lists come first and nothing after them can undo a block.
  if (lists.illegal(q.host, path)) return { ...base(q, at, 'illegal-list', 'block'), alert: 'illegal-list' };
  if (q.host === DOH_CANARY) return base(q, at, 'doh-canary', 'block');
  // Until they sign, only the page where they sign (and the filter's rules for it) is reachable.
  const sign = filter.signFirst(user);
  if (sign !== null && q.host !== sign.host) return base(q, at, 'sign-first', 'block');
  const group = filter.group(q.group);
  if (!group) return base(q, at, 'unknown-group', 'block');

  const listed = lists.categorise(q.host, path);
  const categories = listed?.categories ?? [];
  const matched = listed?.matched ?? null;

  // What the governors marked illegal stays blocked whatever a standing entry or exception says.
  for (const c of categories) {
    const rule = group.rules[CATEGORY_INDEX.get(c)!];
    if (rule?.effect === 'illegal')
      return {
        ...base(q, at, 'policy', 'block'),
        category: c,
        categories,
        rule,
        matched,
        alert: 'policy-illegal',
      };
  }

  const standing = filter.standing(q.host);
  if (standing) {
    const kind = standing.action === 'allow' ? 'standing-allow' : 'standing-block';
    return { ...base(q, at, kind, standing.action), categories, matched, standing };
  }
  if (categories.length === 0) return base(q, at, 'uncategorised', 'allow');

  const hostException = filter.exceptionFor(q.group, user, at, q.host, null);

  let blocking: { c: CategoryId; rule: CategoryRule; lesson: boolean | null } | null = null;
  let allowed: {
    c: CategoryId;
    rule: CategoryRule | null;
    lesson: boolean | null;
    ex: ActiveException | null;
  } | null = null;
  for (const c of categories) {
    const rule = group.rules[CATEGORY_INDEX.get(c)!];
    if (!rule) {
      allowed ??= { c, rule: null, lesson: null, ex: null };
      continue;
    }
    let ok = false;
    let lesson: boolean | null = null;
    let ex: ActiveException | null = null;
    switch (rule.effect) {
      case 'allow':
        ok = true;
        break;
      case 'outside-lessons':
        lesson = isLessonTime(filter.timetable, at);
        ok = !lesson;
        break;
      case 'nominated':
        ok = nominated(rule, q.group, user);
        break;
      default:
        break;
    }
    if (!ok) {
      ex = hostException ?? filter.exceptionFor(q.group, user, at, q.host, c);
      ok = ex !== null;
    }
    if (!ok) {
      if (!blocking || RESTRICTIVENESS[rule.effect] > RESTRICTIVENESS[blocking.rule.effect])
        blocking = { c, rule, lesson };
    } else if (
      !allowed ||
      ex !== null ||
      (allowed.ex === null && RESTRICTIVENESS[rule.effect] > RESTRICTIVENESS[allowed.rule?.effect ?? 'allow'])
    ) {
      allowed = { c, rule, lesson, ex };
    }
  }
  if (blocking) {
    return {
      ...base(q, at, 'policy', 'block'),
      category: blocking.c,
      categories,
      rule: blocking.rule,
      matched,
      lessonTime: blocking.lesson,
      alert: blocking.c === 'bypass' ? 'bypass' : null,
    };
  }
  const a = allowed!;
  return {
    ...base(q, at, a.ex ? 'exception' : 'policy', 'allow'),
    category: a.c,
    categories,
    rule: a.rule,
    exception: a.ex,
    matched,
    lessonTime: a.lesson,
  };
}

/* ------------------------------------------------------------------ explain */

const VALUE_WORDS: Record<string, string> = {
  acceptable: 'acceptable',
  'certain-times': 'acceptable at certain times',
  'nominated-users': 'acceptable for nominated users',
  unacceptable: 'unacceptable',
  illegal: 'unacceptable and illegal',
  A: 'allowed (A)',
  CT: 'allowed at certain times (CT)',
  SS: 'allowed for selected staff (SS)',
  SP: 'allowed with staff permission (SP)',
  NA: 'not allowed (NA)',
  blocked: 'blocked',
};

const SOURCE_WORDS: Record<Citation['source'], string> = {
  'user-actions': 'the user actions matrix',
  communications: 'the communications matrix',
  'prose-rules': 'the policy',
  baseline: "Haven's baseline",
};

/** A clause in plain words: `the user actions matrix, "On-line gambling": unacceptable`. */
export function describeCitation(c: Citation): string {
  const value = VALUE_WORDS[c.value] ?? c.value;
  if (c.source === 'baseline') return c.label;
  if (c.source === 'prose-rules') return `the policy says "${c.quote ?? c.label}" (${value})`;
  const column = c.column ? ` (${c.column === 'staff' ? 'staff' : 'pupils'} column)` : '';
  return `${SOURCE_WORDS[c.source]}, "${c.label}"${column}: ${value}`;
}

/** The contract's `policy` object: the governing clause, or null where no clause of the policy decided. */
export function policyReference(d: Decision): { matrix: string; row: string; value: string } | null {
  const c = d.rule?.governing;
  if (!c || c.source === 'baseline' || d.kind === 'standing-allow' || d.kind === 'standing-block')
    return null;
  if (d.kind === 'illegal-list') return null;
  return { matrix: c.source, row: c.label, value: c.value };
}

function who(filter: PreparedFilter, d: Decision): string {
  const name = filter.group(d.group)?.group.name ?? d.group;
  return d.user ? `${d.user} (${name})` : name;
}

function until(e: ActiveException): string {
  return e.until.slice(0, 16).replace('T', ' ');
}

export function explain(filter: PreparedFilter, d: Decision): string {
  const cat = d.category ? CATEGORY_LABELS[d.category] : null;
  const forWho = who(filter, d);
  switch (d.kind) {
    case 'illegal-list':
      return 'Blocked for everyone: this address is on an illegal-content list the school must block. The designated safeguarding lead has been told.';
    case 'doh-canary':
      return 'Answered "does not exist" so that browsers keep using the school\'s filtered DNS instead of their own encrypted DNS.';
    case 'unknown-group':
      return `Blocked: there is no filter group "${d.group}", so nothing allows it.`;
    case 'sign-first':
      return 'Blocked until you sign your school’s acceptable use agreement: the school sets up internet access once it is signed.';
    case 'standing-block':
      return `Blocked for everyone by the network manager's standing entry for ${d.standing!.host}: ${d.standing!.reason}`;
    case 'standing-allow':
      return `Allowed for everyone by the network manager's standing entry for ${d.standing!.host}: ${d.standing!.reason}`;
    case 'uncategorised':
      return `Allowed: ${d.host} is not in any category Haven filters, and the policy blocks nothing by default.`;
    case 'exception': {
      const e = d.exception!;
      const clause = d.rule ? ` Without it, ${describeCitation(d.rule.governing)} would block it.` : '';
      return `Allowed by an approved exception for ${forWho} until ${until(e)} (${e.reason}).${clause}`;
    }
    case 'policy':
      break;
  }
  const rule = d.rule;
  if (!rule) return `Allowed: the policy says nothing that blocks ${cat ?? d.host} for ${forWho}.`;
  const governing = describeCitation(rule.governing);
  const others = rule.citations.filter((c) => c !== rule.governing && !sameCitation(c, rule.governing));
  const agreeing = others.filter((c) => c.effect === rule.effect);
  const overruled = others.filter((c) => c.effect !== rule.effect);
  const also =
    (agreeing.length > 0 ? ` ${upperFirst(agreeing.map(describeCitation).join('; '))} says the same.` : '') +
    (overruled.length > 0
      ? ` Where clauses differ the more restrictive governs, so this overrides ${overruled.map(describeCitation).join('; ')}.`
      : '');
  if (d.action === 'block') {
    switch (rule.effect) {
      case 'illegal':
        return `Blocked for everyone: ${cat} is ${rule.governing.source === 'baseline' ? 'illegal content' : 'marked illegal'} (${governing}). The designated safeguarding lead is told of attempts.${also}`;
      case 'outside-lessons':
        return `Blocked during lessons: ${cat} is allowed for ${forWho} only outside lessons (${governing}). It is ${describeMoment(filter.timetable, d.at)} now.${also}`;
      case 'nominated':
        return `Blocked: ${cat} is for nominated users only (${governing}), and ${forWho} is not nominated.${also}`;
      case 'staff-permission':
        return `Blocked: ${cat} needs staff permission for ${forWho} (${governing}). A teacher can ask for an exception.${also}`;
      default:
        return rule.governing.source === 'baseline'
          ? `Blocked: ${cat} is a category schools are expected to filter (UK Safer Internet Centre) and the policy does not allow it for ${forWho}. A teacher can ask for an exception for a lesson.`
          : `Blocked: ${cat} is not allowed for ${forWho} (${governing}).${also}`;
    }
  }
  switch (rule.effect) {
    case 'outside-lessons':
      return `Allowed: ${cat} is allowed for ${forWho} outside lessons (${governing}), and it is ${describeMoment(filter.timetable, d.at)} now.${also}`;
    case 'nominated':
      return `Allowed: ${cat} is for nominated users (${governing}), and ${forWho} is nominated.${also}`;
    default:
      return `Allowed: ${cat} is allowed for ${forWho} (${governing}).${also}`;
  }
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sameCitation(a: Citation, b: Citation): boolean {
  return a.source === b.source && a.id === b.id && a.column === b.column;
}

/** Whether a block may be asked to be reviewed or lifted by an exception. */
export function overridable(d: Decision): boolean {
  return (
    d.action === 'block' &&
    d.alert !== 'illegal-list' &&
    d.alert !== 'policy-illegal' &&
    d.kind !== 'doh-canary' &&
    d.kind !== 'sign-first'
  );
}
