import path from 'node:path';
import { filter } from '@haven/core';
import {
  EventBatcher,
  httpEventSender,
  httpReviewSender,
  httpSignIn,
  httpSnapshotFetcher,
  type SnapshotSource,
  startGateway,
  startSnapshotSource,
} from '@haven/gateway';
import { ListStore } from '@haven/server';
import type { Command } from 'commander';
import { resolveFilterContext } from '../filter-context.ts';
import { configFrom } from '../open.ts';
import { CliError, EXIT, err, out } from '../output.ts';

export function hostPort(value: string, flag: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value);
  if (!m || Number(m[2]) > 65535)
    throw new CliError(`${flag} "${value}" must be address:port, e.g. 127.0.0.1:53`, EXIT.usage);
  return { host: m[1]!, port: Number(m[2]) };
}

interface GatewayFlags {
  school: string;
  dnsListen?: string;
  proxyListen?: string;
  upstream: string[];
  defaultGroup?: string;
  blockAddress?: string;
  blockListen?: string;
  server?: string;
  token?: string;
  proxySignIn?: boolean;
}

/** The snapshot for this gateway: pulled from a server, or compiled here from the local database or a template. */
async function snapshotSource(flags: GatewayFlags, dataDir: string): Promise<SnapshotSource> {
  const withDefault = (snapshot: filter.FilterSnapshot): filter.FilterSnapshot => {
    if (!flags.defaultGroup) return snapshot;
    if (!snapshot.groups.some((g) => g.id === flags.defaultGroup))
      throw new CliError(
        `--default-group "${flags.defaultGroup}" is not a group of this school (groups: ${snapshot.groups.map((g) => g.id).join(', ')})`,
        EXIT.usage,
      );
    return { ...snapshot, defaultGroup: flags.defaultGroup, etag: `${snapshot.etag}:${flags.defaultGroup}` };
  };
  const cacheFile = path.join(dataDir, 'gateway', `${flags.school}.snapshot.json`);
  if (flags.server) {
    if (!flags.token)
      throw new CliError('--server needs --token (from `haven gateway register` or the web app)', EXIT.usage);
    const fetcher = httpSnapshotFetcher(flags.server, flags.token);
    return startSnapshotSource({
      fetch: async (etag) => {
        const body = await fetcher(etag);
        return body === null ? null : withDefault(filter.filterSnapshot.parse(body));
      },
      cacheFile,
      onError: (e, context) => err(`haven gateway: ${context}: ${e.message}`),
    });
  }
  // Check the school and the group now, so a mistake stops the start with a clear line.
  withDefault((await resolveFilterContext(flags.school)).prepared.snapshot);
  return startSnapshotSource({
    fetch: async () => withDefault((await resolveFilterContext(flags.school)).prepared.snapshot),
    cacheFile,
    onError: (e, context) => err(`haven gateway: ${context}: ${e.message}`),
  });
}

export function registerGatewayCommand(program: Command): void {
  program
    .command('gateway')
    .description('run only the gateway: the DNS filter, the HTTP(S) proxy and the block page')
    .requiredOption('--school <id>', 'template id or school slug')
    .option('--dns-listen <ip:port>', 'DNS filter address (UDP and TCP)')
    .option('--proxy-listen <ip:port>', 'HTTP proxy address')
    .option(
      '--upstream <ip:port>',
      'upstream resolver (repeat for failover)',
      (v: string, prev: string[]) => [...prev, v],
      [],
    )
    .option('--default-group <group>', 'group for addresses no network mapping names')
    .option('--block-address <ip>', 'address given for blocked names (where the block page listens)')
    .option('--block-listen <ip:port>', 'block page address (default <block-address>:80)')
    .option(
      '--server <url>',
      "Haven server to pull the snapshot from and send decisions to (default: this machine's data)",
    )
    .option('--token <token>', 'gateway token for --server')
    .option(
      '--proxy-sign-in',
      "require proxy sign-in, checked against the school's accounts (needs --server)",
    )
    .action(async (flags: GatewayFlags) => {
      if (flags.proxySignIn && !(flags.server && flags.token))
        throw new CliError(
          '--proxy-sign-in needs --server and --token: accounts live on the server',
          EXIT.usage,
        );
      if (!flags.dnsListen && !flags.proxyListen)
        throw new CliError('give --dns-listen, --proxy-listen or both', EXIT.usage);
      if (flags.dnsListen && flags.upstream.length === 0)
        throw new CliError('--dns-listen needs at least one --upstream resolver', EXIT.usage);
      const dns = flags.dnsListen ? hostPort(flags.dnsListen, '--dns-listen') : null;
      const proxy = flags.proxyListen ? hostPort(flags.proxyListen, '--proxy-listen') : null;
      const upstreams = flags.upstream.map((u) => hostPort(u, '--upstream'));
      const blockAddress =
        flags.blockAddress ?? (dns && dns.host !== '0.0.0.0' && dns.host !== '::' ? dns.host : '127.0.0.1');
      const blockListen = flags.blockListen
        ? hostPort(flags.blockListen, '--block-listen')
        : { host: blockAddress, port: 80 };

      const config = configFrom();
      const lists = ListStore.open(config.dataDir, {
        watchMs: 5_000,
        onError: (e: Error) => err(`haven gateway: lists: ${e.message}`),
      });
      const snapshots = await snapshotSource(flags, config.dataDir);
      if (!snapshots.current())
        throw new CliError(
          'no policy snapshot: the server is unreachable and no copy is cached on disk',
          EXIT.unavailable,
        );
      const events =
        flags.server && flags.token
          ? new EventBatcher({
              send: httpEventSender(flags.server, flags.token),
              spoolDir: path.join(config.dataDir, 'gateway', 'spool'),
              onError: (e, context) => err(`haven gateway: ${context}: ${e.message}`),
            })
          : undefined;
      const onError = (e: Error, context: string) => err(`haven gateway: ${context}: ${e.message}`);
      let gateway: Awaited<ReturnType<typeof startGateway>>;
      const base = {
        snapshots,
        lists,
        ...(events ? { events } : {}),
        ...(dns ? { dns: { listen: dns, upstreams, blockAddress4: blockAddress } } : {}),
        ...(proxy
          ? {
              proxy: {
                listen: proxy,
                ...(flags.proxySignIn && flags.server && flags.token
                  ? { signIn: httpSignIn(flags.server, flags.token) }
                  : {}),
              },
            }
          : {}),
        ...(flags.server && flags.token
          ? { onReviewRequest: httpReviewSender(flags.server, flags.token) }
          : {}),
        onError,
      };
      try {
        gateway = await startGateway({
          ...base,
          blockPage: { listen: blockListen, publicUrl: `http://${blockAddress}:${blockListen.port}/` },
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EACCES' && code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL') throw error;
        err(
          `haven gateway: the block page cannot listen on ${blockListen.host}:${blockListen.port} (${code}); blocked names still resolve to ${blockAddress}, without a page`,
        );
        gateway = await startGateway(base);
      }
      const dnsAddr = gateway.dns?.udpAddress();
      const proxyAddr = gateway.proxyAddress();
      const pageAddr = gateway.blockPageAddress();
      out(
        `Haven gateway for ${snapshots.current()!.snapshot.school.name}:` +
          (dnsAddr ? ` DNS ${dnsAddr.address}:${dnsAddr.port}` : '') +
          (proxyAddr ? ` proxy ${proxyAddr.address}:${proxyAddr.port}` : '') +
          (pageAddr ? ` block page ${pageAddr.address}:${pageAddr.port}` : ''),
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          gateway.close().then(resolve, resolve);
          lists.close();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
