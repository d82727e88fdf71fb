export {
  DomainIndex,
  DomainIndexBuilder,
  DomainIndexFormatError,
  type DomainIndexStats,
  fnv1a64Hex,
  type HostMatch,
  type UrlMatch,
} from './domain-index.ts';
export {
  canonicalEntryPath,
  type HostResult,
  isIpLiteral,
  normalisedUrlKey,
  normaliseHost,
  normaliseUrl,
  parseTarget,
  type UrlResult,
  urlPathPrefixes,
} from './host.ts';
export {
  IllegalListIndex,
  type IllegalListRejected,
  type IllegalListSource,
} from './illegal-list.ts';
export {
  type ParseCounts,
  type ParseIntoOptions,
  type ParseOptions,
  type ParseProblem,
  type ParseResult,
  parseDomainList,
  parseDomainListInto,
  parseHashList,
  parseHostsFile,
  parseHostsFileInto,
  parseUrlList,
  parseUrlListInto,
} from './list-parsers.ts';
export { UT1_ATTRIBUTION, UT1_CATEGORY_MAP, type Ut1Mapping, ut1CategoryFor } from './ut1.ts';
