/** The proxy's own short answers: plain text for errors, the HTML block page for blocked requests. */
import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { blockPageHeaders } from '../block-page/headers.ts';
import { renderBlockPage } from '../block-page/render.ts';
import type { BlockPageInfo } from './types.ts';

export const MESSAGES = {
  badRequest: 'Haven web proxy: the request could not be understood.',
  notProxyRequest:
    'This is the school web proxy (Haven). Set it as your proxy; the setup file is at /proxy.pac.',
  unsupportedScheme:
    'Haven web proxy: only http:// addresses can be fetched this way; https:// goes through CONNECT.',
  headersTooLarge: 'Haven web proxy: the request headers were too large.',
  signIn: 'Haven web proxy: please sign in to use the internet.',
  port: 'Haven web proxy: secure connections are only allowed to the usual web ports.',
  loop: 'Haven web proxy: the request came back to the proxy (a loop).',
  decideFailed:
    "Haven web proxy: this address couldn't be checked just now, so it can't be opened. Please try again.",
  unreachable: "Haven web proxy: the site couldn't be reached.",
  notFound: "Haven web proxy: the site's name couldn't be found.",
  timeout: "Haven web proxy: the site didn't answer in time.",
  badResponse: 'Haven web proxy: the site sent an answer that could not be passed on.',
  internal: 'Haven web proxy: something went wrong.',
} as const;

/** The text of a blocked CONNECT: a browser cannot show a page inside a TLS tunnel, so this is for tools. */
export function blockedTunnelText(page: BlockPageInfo): string {
  if (page.illegal)
    return `This page can't be shown. The school has been told. Reference: ${page.reference}\n`;
  return `Blocked by the school's online-safety policy. ${page.reason} Reference: ${page.reference}\n`;
}

export function sendText(
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = `${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

export function sendBlockPage(
  res: ServerResponse,
  page: BlockPageInfo,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = renderBlockPage(page);
  res.writeHead(403, { ...blockPageHeaders(page, body), ...extra });
  res.end(body);
}

/** A whole response written straight to a socket (CONNECT, client errors), then the socket is closed. */
export function rawResponse(
  socket: Duplex,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${message}\n`;
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n`;
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
    Connection: 'close',
  };
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  socket.end(`${head}\r\n${body}`);
}
