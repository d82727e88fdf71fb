import { z } from 'zod';

/**
 * Haven's configuration, read once at start from the environment (and CLI flags, which win).
 * A bad setting stops the start with every problem listed.
 */
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** 32-byte key (64 hex characters) for secrets at rest; generated into the data directory when absent. */
  secretKey: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  /** Seed 001: screens lock after 10 idle minutes. */
  idleTimeoutMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  sessionMaxHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  cookieSecure: boolFromEnv.optional(),
  publicUrl: z.url().optional(),
  bodyLimitBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  webDir: z.string().optional(),
  /** Where e-mail goes (smtp:// or smtps://, with user:password@ if the server wants them). */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://mail.school.example:587')
    .optional(),
  mailFrom: z.string().min(3).default('Haven <haven@localhost>'),
});

export type HavenConfig = z.output<typeof configSchema>;

const ENV_KEYS: Record<keyof z.input<typeof configSchema>, string> = {
  dataDir: 'HAVEN_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  host: 'HAVEN_HOST',
  port: 'HAVEN_PORT',
  secretKey: 'HAVEN_SECRET_KEY',
  idleTimeoutMinutes: 'HAVEN_IDLE_TIMEOUT_MINUTES',
  sessionMaxHours: 'HAVEN_SESSION_MAX_HOURS',
  cookieSecure: 'HAVEN_COOKIE_SECURE',
  publicUrl: 'HAVEN_PUBLIC_URL',
  bodyLimitBytes: 'HAVEN_BODY_LIMIT_BYTES',
  logLevel: 'HAVEN_LOG_LEVEL',
  webDir: 'HAVEN_WEB_DIR',
  smtpUrl: 'HAVEN_SMTP_URL',
  mailFrom: 'HAVEN_MAIL_FROM',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Haven's configuration has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

/** Reads the configuration; throws ConfigError listing every problem, by environment variable name. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<z.input<typeof configSchema>> = {},
): HavenConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) raw[key] = value;
  const parsed = configSchema.safeParse(raw);
  const problems = illegalListSettings(env);
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError([
      ...problems,
      ...(parsed.error?.issues ?? []).map((i) => {
        const key = String(i.path[0] ?? '');
        const name = ENV_KEYS[key as keyof typeof ENV_KEYS] ?? key;
        return `${name}: ${i.message}`;
      }),
    ]);
  }
  return parsed.data;
}

/**
 * The illegal-content lists (IWF, CTIRU) are always enforced: no setting may switch them off or
 * change them. A setting that looks like an attempt is refused rather than silently ignored, so
 * whoever wrote it learns at once that it does nothing.
 */
function illegalListSettings(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((name) => /^HAVEN_.*(ILLEGAL|IWF|CTIRU|CAIC)/i.test(name))
    .map(
      (name) =>
        `${name}: the illegal-content lists are always enforced for everyone; no setting can turn them off or change them`,
    );
}
