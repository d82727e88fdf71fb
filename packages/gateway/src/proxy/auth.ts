/**
 * Proxy sign-in (Basic). Browsers send the same Proxy-Authorization on every request, and checking a
 * password is deliberately slow, so a success is remembered for a short time, keyed by a hash of the
 * header (the credentials themselves are never kept), and simultaneous checks of the same header
 * share one call. The client's address goes to authenticate() so a sign-in can tie the address to the
 * person; a remembered success is not re-checked from a new address within the short memory. Failures are not remembered: each one reaches authenticate(), which counts them.
 */
import { createHash } from 'node:crypto';
import { parseBasicCredentials } from './headers.ts';

const MAX_ENTRIES = 10_000;

export class SignInChecker {
  private readonly remembered = new Map<string, { user: string; until: number }>();
  private readonly pending = new Map<string, Promise<string | null>>();

  constructor(
    private readonly authenticate: (username: string, password: string, client: string) => Promise<boolean>,
    private readonly rememberMs: number,
  ) {}

  /** The signed-in username, or null when the header is missing or wrong. */
  async check(header: string | undefined, client = ''): Promise<string | null> {
    const credentials = parseBasicCredentials(header);
    if (credentials === null || header === undefined) return null;
    const key = createHash('sha256').update(header).digest('base64');
    const now = Date.now();
    const known = this.remembered.get(key);
    if (known !== undefined) {
      if (known.until > now) return known.user;
      this.remembered.delete(key);
    }
    const inFlight = this.pending.get(key);
    if (inFlight !== undefined) return inFlight;
    const attempt = this.authenticate(credentials.username, credentials.password, client).then(
      (ok) => {
        if (!ok) return null;
        if (this.rememberMs > 0) {
          if (this.remembered.size >= MAX_ENTRIES) this.prune(Date.now());
          this.remembered.set(key, { user: credentials.username, until: Date.now() + this.rememberMs });
        }
        return credentials.username;
      },
      (error: unknown) => {
        throw error instanceof Error ? error : new Error(String(error));
      },
    );
    this.pending.set(key, attempt);
    try {
      return await attempt;
    } finally {
      this.pending.delete(key);
    }
  }

  private prune(now: number): void {
    for (const [key, entry] of this.remembered) if (entry.until <= now) this.remembered.delete(key);
    if (this.remembered.size >= MAX_ENTRIES) this.remembered.clear();
  }
}
