/** What to tell the client when a site cannot be reached. */
import { MESSAGES } from './responses.ts';

/** A connect or idle timeout towards a site. */
export class UpstreamTimeout extends Error {
  constructor() {
    super('upstream timed out');
    this.name = 'UpstreamTimeout';
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);

export function classifyUpstreamError(error: unknown): { status: 502 | 504; message: string } {
  if (error instanceof UpstreamTimeout) return { status: 504, message: MESSAGES.timeout };
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ETIMEDOUT') return { status: 504, message: MESSAGES.timeout };
  if (DNS_CODES.has(code)) return { status: 502, message: MESSAGES.notFound };
  if (code.startsWith('HPE_')) return { status: 502, message: MESSAGES.badResponse };
  return { status: 502, message: MESSAGES.unreachable };
}
