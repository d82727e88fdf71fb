export * from './block-page/index.ts';
export * as dns from './dns/index.ts';
export * from './event-batcher.ts';
export * from './filter-test.ts';
export * from './gateway.ts';
export type { HttpRequestInfo, HttpVerdict, ProxyOptions, ProxyServer } from './proxy/index.ts';
export { startProxy } from './proxy/index.ts';
export * from './snapshot-source.ts';
export * from './squid-helper/index.ts';
