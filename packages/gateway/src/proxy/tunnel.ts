/** CONNECT tunnels (RFC 9110 §9.3.6): a TCP connection to the site, then bytes piped both ways. */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { rawResponse } from './responses.ts';
import { classifyUpstreamError, UpstreamTimeout } from './upstream-errors.ts';

export interface TunnelSettings {
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  /** Called with the upstream socket, so close() can end it. */
  track(socket: net.Socket): void;
  onUpstreamFailure(): void;
  /** Called once when the tunnel (or the attempt) is over. */
  onClosed(): void;
}

export function openTunnel(
  client: Duplex,
  head: Buffer,
  target: { host: string; port: number },
  settings: TunnelSettings,
): void {
  const clientSocket = client as net.Socket;
  const upstream = net.connect({ host: target.host, port: target.port });
  settings.track(upstream);
  let established = false;
  let closed = false;

  const connectTimer = setTimeout(() => upstream.destroy(new UpstreamTimeout()), settings.connectTimeoutMs);
  const done = (): void => {
    if (closed) return;
    closed = true;
    clearTimeout(connectTimer);
    settings.onClosed();
  };
  const closeBoth = (): void => {
    client.destroy();
    upstream.destroy();
  };

  client.on('error', closeBoth);
  client.on('close', () => {
    upstream.destroy();
    done();
  });
  // While connecting, nothing is read from the client (its first bytes wait in the socket).
  clientSocket.setTimeout?.(settings.connectTimeoutMs + settings.idleTimeoutMs, closeBoth);

  upstream.on('error', (error) => {
    if (established) {
      client.destroy();
      return;
    }
    settings.onUpstreamFailure();
    const { status, message } = classifyUpstreamError(error);
    rawResponse(client, status, message);
  });
  upstream.on('close', () => {
    if (!established) return;
    // A clean close has already ended the client side through pipe; anything else ends it here.
    if (!client.writableEnded) client.destroy();
  });
  upstream.once('connect', () => {
    clearTimeout(connectTimer);
    if (client.destroyed) {
      upstream.destroy();
      return;
    }
    established = true;
    upstream.setNoDelay(true);
    clientSocket.setNoDelay?.(true);
    upstream.setTimeout(settings.idleTimeoutMs, closeBoth);
    clientSocket.setTimeout?.(settings.idleTimeoutMs, closeBoth);
    client.write('HTTP/1.1 200 Connection established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    client.pipe(upstream);
    upstream.pipe(client);
  });
}
