import { readFileSync } from 'node:fs';
import { CLI_ACTOR, getSchoolBySlug, HavenError, type SsoSettingsView, setSsoProvider } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, type DatabaseOptions, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

/** The label a well-known issuer gets when none is given. */
function defaultLabel(issuer: string): string | undefined {
  if (/^https:\/\/accounts\.google\.com\/?$/.test(issuer)) return 'Google Workspace';
  if (/^https:\/\/login\.microsoftonline\.com\//.test(issuer)) return 'Microsoft Entra';
  return undefined;
}

function readSecret(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`--client-secret-file ${file}: ${(e as Error).message}`, EXIT.unavailable);
  }
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw new CliError(`--client-secret-file ${file}: the file is empty`, EXIT.usage);
  return secret;
}

function print(view: SsoSettingsView): void {
  out(`label: ${view.label}`);
  out(`issuer: ${view.issuer}`);
  out(`client id: ${view.clientId}`);
  out(`client secret: ${view.clientSecretSet ? 'set (never shown)' : 'not set'}`);
  out(`allowed domains: ${view.allowedDomains.join(', ')}`);
  if (view.hostedDomain) out(`Google hosted domain (hd): ${view.hostedDomain}`);
  if (view.tenantId) out(`Entra tenant (tid): ${view.tenantId}`);
  out(`provider enforces MFA: ${view.providerEnforcesMfa ? 'yes' : 'no'}`);
  out(`enabled: ${view.enabled ? 'yes' : 'no'}`);
  out(`redirect URI to register: ${view.redirectUri ?? '(set HAVEN_PUBLIC_URL first)'}`);
}

interface SetFlags extends DatabaseOptions {
  school: string;
  issuer: string;
  clientId: string;
  clientSecretFile?: string;
  domains: string;
  label?: string;
  hostedDomain?: string;
  tenantId?: string;
  providerEnforcesMfa?: boolean;
  disabled?: boolean;
}

/** `haven sso set`: a school's identity provider for single sign-on, from the server itself. */
export function registerSsoCommands(program: Command): void {
  const sso = program.command('sso').description("single sign-on: a school's OpenID Connect provider");

  addDatabaseOptions(
    sso
      .command('set')
      .description("set a school's identity provider (Google Workspace, Microsoft Entra, any OIDC issuer)")
      .requiredOption('--school <slug>', 'school slug')
      .requiredOption('--issuer <url>', 'the issuer URL, e.g. https://accounts.google.com')
      .requiredOption('--client-id <id>', "the client id from the provider's app registration")
      .option('--client-secret-file <file>', 'a file holding the client secret (required the first time)')
      .requiredOption(
        '--domains <list>',
        'comma-separated e-mail domains whose verified addresses may sign in',
      )
      .option('--label <label>', 'the button text: "Sign in with <label>"')
      .option('--hosted-domain <domain>', "Google: require this Workspace domain (the token's hd claim)")
      .option('--tenant-id <guid>', "Microsoft Entra: require this tenant (the token's tid claim)")
      .option(
        '--provider-enforces-mfa',
        "the provider requires MFA: an ID token whose amr says mfa skips Haven's second step",
      )
      .option('--disabled', 'store the settings but show no button and refuse sign-ins'),
  ).action(async (opts: SetFlags) => {
    const label = opts.label ?? defaultLabel(opts.issuer);
    if (!label) throw new CliError('--label is required for this issuer (e.g. --label "Okta")', EXIT.usage);
    const input = {
      label,
      issuer: opts.issuer,
      clientId: opts.clientId,
      ...(opts.clientSecretFile ? { clientSecret: readSecret(opts.clientSecretFile) } : {}),
      allowedDomains: opts.domains
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      hostedDomain: opts.hostedDomain ?? null,
      tenantId: opts.tenantId ?? null,
      providerEnforcesMfa: Boolean(opts.providerEnforcesMfa),
      enabled: !opts.disabled,
    };
    const view = await withHaven(configFrom(opts), async (haven) => {
      const school = await getSchoolBySlug(haven.db, opts.school);
      if (!school) throw new CliError(`no school with slug "${opts.school}"`, EXIT.usage);
      try {
        return await setSsoProvider(haven, CLI_ACTOR, school.id, input);
      } catch (e) {
        if (e instanceof HavenError) {
          const flag: Record<string, string> = {
            label: '--label',
            issuer: '--issuer',
            clientId: '--client-id',
            clientSecret: '--client-secret-file',
            allowedDomains: '--domains',
            hostedDomain: '--hosted-domain',
            tenantId: '--tenant-id',
          };
          const reasons = (e.details ?? []).map((d) => {
            const [field = '', index] = d.path.split('.');
            const value = index !== undefined ? ` "${input.allowedDomains[Number(index)]}"` : '';
            return `${flag[field] ?? field}${value}: ${d.reason}`;
          });
          throw new CliError([e.message, ...reasons].join('\n'), EXIT.usage);
        }
        throw e;
      }
    });
    out(`single sign-on for ${opts.school} saved`);
    print(view);
  });
}
