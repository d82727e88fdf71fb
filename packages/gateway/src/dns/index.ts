export type { AnswerTemplate } from './answer.ts';
export { DnsCache, MAX_NEGATIVE_TTL, MAX_POSITIVE_TTL, prepareUpstreamAnswer } from './cache.ts';
export {
  DnsEncodeError,
  type DnsMessage,
  type DnsMessageInit,
  type DnsParseError,
  type DnsQuestion,
  type DnsRecord,
  type Edns,
  encodeMessage,
  type ParsedQuery,
  type ParseErrorReason,
  parseMessage,
  parseQuery,
  Rcode,
  type RecordData,
  RRClass,
  RRType,
} from './codec.ts';
export { startDnsFilter } from './server.ts';
export type { DnsFilter, DnsFilterOptions, DnsFilterStats, DnsQueryInfo, DnsVerdict } from './types.ts';
