/**
 * One query, whatever the transport: check it, ask Haven's policy, and answer from Haven's own
 * records, the cache or the upstreams. A cache hit is answered synchronously, without a promise.
 */
import {
  type AnswerTemplate,
  buildTemplate,
  composeResponse,
  headerOnlyResponse,
  renderTemplate,
  syntheticSoa,
  templateRecords,
  udpLimit,
} from './answer.ts';
import { DnsCache, prepareUpstreamAnswer } from './cache.ts';
import {
  type DnsRecord,
  MAX_MESSAGE_SIZE,
  nameToLabels,
  Opcode,
  type ParsedQuery,
  parseQuery,
  Rcode,
  RRClass,
  RRType,
} from './codec.ts';
import type { DnsFilterOptions, DnsFilterStats, DnsQueryInfo, DnsVerdict } from './types.ts';
import type { Forwarder } from './upstream.ts';

/** Called exactly once per message: with the response, or null when nothing is to be sent. */
export type Respond = (response: Buffer | null) => void;

interface Lookup {
  template: AnswerTemplate;
  elapsedSeconds: number;
  from: 'cache' | 'upstream';
}

type Source = 'cache' | 'upstream' | 'local';

export class QueryHandler {
  readonly stats: DnsFilterStats = {
    queries: 0,
    cacheHits: 0,
    upstreamQueries: 0,
    formErr: 0,
    servFail: 0,
    blocked: 0,
  };
  private readonly cache: DnsCache<AnswerTemplate>;
  private readonly now: () => number;
  private readonly blockTtl: number;
  closed = false;

  constructor(
    private readonly options: DnsFilterOptions,
    private readonly forwarder: Forwarder,
  ) {
    this.now = options.now ?? Date.now;
    this.blockTtl = options.blockTtl ?? 60;
    this.cache = new DnsCache({ maxEntries: options.cacheSize ?? 100_000, now: this.now });
  }

  handle(request: Buffer, client: string, transport: 'udp' | 'tcp', respond: Respond): void {
    this.stats.queries++;
    // RFC 1035 §4.1.1: a filtering resolver answers only QUERY; NOTIFY, UPDATE, DSO and the rest get
    // the NOTIMP the RFC prescribes for an opcode a server does not take.
    // A response (QR set) is never answered, whatever it holds.
    if (request.length >= 12 && (request[2]! & 0x80) === 0 && ((request[2]! >> 3) & 0xf) !== Opcode.QUERY) {
      respond(headerOnlyResponse(request, Rcode.NOTIMP));
      return;
    }
    const query = parseQuery(request);
    if (!query.ok) {
      // RFC 1035 §4.1.1: FORMERR when the header can be read; otherwise there is no one to answer.
      if (query.canAnswer) {
        this.stats.formErr++;
        respond(headerOnlyResponse(request, Rcode.FORMERR));
      } else {
        respond(null);
      }
      return;
    }
    const limit = transport === 'udp' ? udpLimit(query) : MAX_MESSAGE_SIZE;
    if (query.edns && query.ednsVersion > 0) {
      // RFC 6891 §6.1.3: BADVERS, with the OPT record saying the version Haven speaks (0).
      respond(composeResponse(query, request, Rcode.BADVERS, [], [], limit));
      return;
    }
    if (query.class !== RRClass.IN) {
      // Haven serves the Internet class only; CHAOS (version.bind…), Hesiod and QCLASS * are refused.
      respond(composeResponse(query, request, Rcode.REFUSED, [], [], limit));
      return;
    }
    const type = query.type;
    if (type === RRType.OPT || type === RRType.TSIG || type === RRType.TKEY) {
      // Meta-types that live only in the additional section (RFC 6891 §6.1.1, RFC 8945, RFC 2930).
      this.stats.formErr++;
      respond(composeResponse(query, request, Rcode.FORMERR, [], [], limit));
      return;
    }
    if (type >= RRType.IXFR && type <= RRType.MAILA) {
      // Zone transfers and the obsolete mailbox QTYPEs are not offered by a filtering forwarder.
      respond(composeResponse(query, request, Rcode.NOTIMP, [], [], limit));
      return;
    }
    const info: DnsQueryInfo = { name: query.name.toLowerCase(), type, client, transport };
    let verdict: DnsVerdict;
    try {
      verdict = this.options.decide(info);
    } catch (error) {
      this.report(error, 'decide');
      this.servFail(query, request, limit, respond);
      return;
    }
    switch (verdict?.kind) {
      case 'forward':
        this.forward(query, request, info, verdict, limit, respond);
        return;
      case 'block':
        this.stats.blocked++;
        this.answerLocally(query, request, info, verdict, limit, respond, this.blockRecords(query));
        return;
      case 'nxdomain':
        this.answerLocally(query, request, info, verdict, limit, respond, {
          rcode: Rcode.NXDOMAIN,
          answers: [],
          authorities: [syntheticSoa(query.name, this.blockTtl)],
        });
        return;
      case 'cname':
        this.cname(query, request, info, verdict, limit, respond);
        return;
      default:
        this.report(new Error('decide returned an unknown verdict'), 'decide');
        this.servFail(query, request, limit, respond);
    }
  }

  private blockRecords(query: ParsedQuery): {
    rcode: number;
    answers: DnsRecord[];
    authorities: DnsRecord[];
  } {
    const ttl = this.blockTtl;
    const negative = [syntheticSoa(query.name, ttl)];
    if (this.options.blockMode === 'nxdomain')
      return { rcode: Rcode.NXDOMAIN, answers: [], authorities: negative };
    const address = (type: number, data: DnsRecord['data']): DnsRecord[] => [
      { name: query.name, type, class: RRClass.IN, ttl, data },
    ];
    if (query.type === RRType.A) {
      return {
        rcode: Rcode.NOERROR,
        answers: address(RRType.A, { kind: 'a', address: this.options.blockAddress4 }),
        authorities: [],
      };
    }
    if (query.type === RRType.AAAA && this.options.blockAddress6) {
      return {
        rcode: Rcode.NOERROR,
        answers: address(RRType.AAAA, { kind: 'aaaa', address: this.options.blockAddress6 }),
        authorities: [],
      };
    }
    // NODATA (RFC 2308 §2.2): the name "exists" but has nothing of this type.
    return { rcode: Rcode.NOERROR, answers: [], authorities: negative };
  }

  private answerLocally(
    query: ParsedQuery,
    request: Buffer,
    info: DnsQueryInfo,
    verdict: DnsVerdict,
    limit: number,
    respond: Respond,
    records: { rcode: number; answers: DnsRecord[]; authorities: DnsRecord[] },
  ): void {
    let response: Buffer;
    try {
      response = composeResponse(query, request, records.rcode, records.answers, records.authorities, limit);
    } catch (error) {
      this.report(error, 'encode');
      this.servFail(query, request, limit, respond);
      return;
    }
    respond(response);
    this.decided(info, verdict, 'local', records.rcode);
  }

  private forward(
    query: ParsedQuery,
    request: Buffer,
    info: DnsQueryInfo,
    verdict: DnsVerdict,
    limit: number,
    respond: Respond,
  ): void {
    const entry = this.cache.get(DnsCache.key(info.name, query.type, query.class));
    if (entry) {
      this.stats.cacheHits++;
      const template = entry.value;
      const elapsed = Math.floor((this.now() - entry.storedAt) / 1000);
      respond(renderTemplate(template, query, request, elapsed, limit));
      this.decided(info, verdict, 'cache', template.rcode);
      return;
    }
    this.afterLookup(info.name, query, request, info, verdict, limit, respond, (found, once) => {
      once(renderTemplate(found.template, query, request, found.elapsedSeconds, limit));
      this.decided(info, verdict, found.from, found.template.rcode);
    });
  }

  private cname(
    query: ParsedQuery,
    request: Buffer,
    info: DnsQueryInfo,
    verdict: { kind: 'cname'; target: string },
    limit: number,
    respond: Respond,
  ): void {
    if (typeof verdict.target !== 'string') {
      this.report(new Error('a cname verdict needs a target name'), 'decide');
      this.servFail(query, request, limit, respond);
      return;
    }
    let target = verdict.target.toLowerCase();
    if (target.endsWith('.') && !target.endsWith('\\.')) target = target.slice(0, -1);
    try {
      nameToLabels(target);
    } catch (error) {
      this.report(error, 'decide');
      this.servFail(query, request, limit, respond);
      return;
    }
    if (target === info.name) {
      this.forward(query, request, info, verdict, limit, respond);
      return;
    }
    const alias: DnsRecord = {
      name: query.name,
      type: RRType.CNAME,
      class: RRClass.IN,
      ttl: this.blockTtl,
      data: { kind: 'name', target },
    };
    if (query.type === RRType.CNAME) {
      this.answerLocally(query, request, info, verdict, limit, respond, {
        rcode: Rcode.NOERROR,
        answers: [alias],
        authorities: [],
      });
      return;
    }
    this.afterLookup(target, query, request, info, verdict, limit, respond, (found, once) => {
      // RFC 1034 §4.3.2 step 3a: the CNAME, then the target's own answer; the RCODE is the target's
      // (RFC 6604 §3), and a negative answer keeps its SOA.
      const { answers, authorities } = templateRecords(found.template, found.elapsedSeconds);
      const rcode = found.template.rcode;
      let response: Buffer;
      try {
        response = composeResponse(query, request, rcode, [alias, ...answers], authorities, limit);
      } catch (error) {
        this.report(error, 'encode');
        this.servFail(query, request, limit, once, info, verdict, found.from);
        return;
      }
      once(response);
      this.decided(info, verdict, found.from, rcode);
    });
  }

  /**
   * Looks `name` up (for the query's type and class) and hands the result to `answer`; SERVFAIL when
   * the upstreams fail, and whatever goes wrong on the way still ends in exactly one `respond` call.
   */
  private afterLookup(
    name: string,
    query: ParsedQuery,
    request: Buffer,
    info: DnsQueryInfo,
    verdict: DnsVerdict,
    limit: number,
    respond: Respond,
    answer: (found: Lookup, once: Respond) => void,
  ): void {
    let responded = false;
    const once: Respond = (response) => {
      if (responded) return;
      responded = true;
      respond(response);
    };
    this.lookup(name, query.type, query.class)
      .then((found) => {
        if (this.closed) once(null);
        else if (!found) this.servFail(query, request, limit, once, info, verdict, 'upstream');
        else answer(found, once);
      })
      .catch((error: unknown) => {
        this.report(error, 'resolve');
        if (this.closed) once(null);
        else this.servFail(query, request, limit, once);
      });
  }

  /** The answer for a lower-case name: from the cache, else from the upstreams (then cached). */
  private async lookup(name: string, type: number, cls: number): Promise<Lookup | null> {
    const key = DnsCache.key(name, type, cls);
    const cached = this.cache.get(key);
    if (cached) {
      this.stats.cacheHits++;
      return { template: cached.value, elapsedSeconds: this.elapsed(cached.storedAt), from: 'cache' };
    }
    const result = await this.forwarder.resolve(name, type, cls);
    if (!result.ok) return null;
    // Another query waiting on the same resolution may have stored it already.
    const stored = this.cache.get(key);
    if (stored)
      return { template: stored.value, elapsedSeconds: this.elapsed(stored.storedAt), from: 'upstream' };
    const prepared = prepareUpstreamAnswer(result.message, type);
    let template: AnswerTemplate;
    try {
      template = buildTemplate({ name, type, class: cls }, prepared);
    } catch (error) {
      this.report(error, 'encode');
      return null;
    }
    this.cache.set(key, template, prepared.ttl);
    return { template, elapsedSeconds: 0, from: 'upstream' };
  }

  private elapsed(storedAt: number): number {
    return Math.max(0, Math.floor((this.now() - storedAt) / 1000));
  }

  private servFail(
    query: ParsedQuery,
    request: Buffer,
    limit: number,
    respond: Respond,
    info?: DnsQueryInfo,
    verdict?: DnsVerdict,
    from?: Source,
  ): void {
    this.stats.servFail++;
    let response: Buffer | null = null;
    try {
      response = composeResponse(query, request, Rcode.SERVFAIL, [], [], limit);
    } catch (error) {
      this.report(error, 'encode');
    }
    respond(response);
    if (info && verdict && from) this.decided(info, verdict, from, Rcode.SERVFAIL);
  }

  private decided(info: DnsQueryInfo, verdict: DnsVerdict, from: Source, rcode: number): void {
    const onDecision = this.options.onDecision;
    if (!onDecision) return;
    try {
      onDecision.call(this.options, info, verdict, from, rcode);
    } catch (error) {
      this.report(error, 'onDecision');
    }
  }

  report(error: unknown, context: string): void {
    const onError = this.options.onError;
    if (!onError) return;
    try {
      onError.call(this.options, error instanceof Error ? error : new Error(String(error)), context);
    } catch {
      // an error hook that throws has nowhere left to report to
    }
  }
}
