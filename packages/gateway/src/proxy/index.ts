export { renderPac } from './pac.ts';
export { startProxy } from './server.ts';
export { canonicalHost, parseAbsoluteTarget, parseAuthority } from './target.ts';
export type {
  BlockPageInfo,
  HttpRequestInfo,
  HttpVerdict,
  PacOptions,
  ProxyOptions,
  ProxyServer,
  ProxyStats,
} from './types.ts';
