import { filter } from '@haven/core';
import { runSquidHelper } from '@haven/gateway';
import type { Command } from 'commander';
import { parseAt, parseTarget, resolveFilterContext } from '../filter-context.ts';
import { CliError, EXIT, out } from '../output.ts';
import { registerFilterTestCommand } from './filter-test.ts';

export function registerFilterCommands(program: Command): void {
  const cmd = program
    .command('filter')
    .description("the school's filter: groups, rules compiled from the policy, and checks");

  cmd
    .command('groups')
    .description("list the school's filter groups (and, without --json, each group's rules)")
    .requiredOption('--school <id>', 'template id or school slug')
    .option('--json', 'print JSON')
    .action(async (opts: { school: string; json?: boolean }) => {
      const ctx = await resolveFilterContext(opts.school);
      const groups = ctx.prepared.groups;
      if (opts.json) {
        out(
          JSON.stringify(
            groups.map((g) => ({ id: g.id, name: g.name, audience: g.audience })),
            null,
            2,
          ),
        );
        return;
      }
      out(`${ctx.name}: ${groups.length} filter groups`);
      for (const g of groups) {
        const rules = Object.values(ctx.prepared.group(g.id)!.rules).filter((r) => r !== undefined);
        out(
          `\n${g.id}  ${g.name} (${g.audience}; safe search ${g.safeSearch ? 'on' : 'off'}, YouTube ${g.youtube})`,
        );
        for (const r of rules) {
          out(`  ${r.category.padEnd(20)} ${r.effect.padEnd(16)} ${filter.describeCitation(r.governing)}`);
        }
      }
    });

  cmd
    .command('check')
    .description(
      'what the filter does with a URL or host for a group at a time, and the policy clause behind it',
    )
    .argument('<url-or-host>', 'a URL (http://…), host/path or a host name')
    .requiredOption('--school <id>', 'template id or school slug')
    .requiredOption('--group <group>', 'filter group (see `haven filter groups`)')
    .option('--at <time>', 'ISO-8601 local time in the school’s time zone (default: now)')
    .option('--user <username>', 'the user, for nominated users and exceptions')
    .option('--json', 'print JSON')
    .action(
      async (
        target: string,
        opts: { school: string; group: string; at?: string; user?: string; json?: boolean },
      ) => {
        const ctx = await resolveFilterContext(opts.school);
        const prepared = ctx.prepared;
        if (!prepared.group(opts.group)) {
          throw new CliError(
            `${ctx.name} has no filter group "${opts.group}" (groups: ${prepared.groups.map((g) => g.id).join(', ')})`,
            EXIT.usage,
          );
        }
        const at = parseAt(opts.at, prepared.timetable.timeZone);
        const t = parseTarget(target);
        const d = filter.decide(prepared, ctx.lists.current(), {
          group: opts.group,
          user: opts.user ?? null,
          at,
          host: t.host,
          path: t.path,
        });
        const result = {
          action: d.action,
          category: d.category,
          reason: filter.explain(prepared, d),
          policy: filter.policyReference(d),
        };
        if (opts.json) {
          out(JSON.stringify(result, null, 2));
          return;
        }
        out(
          `${d.action === 'allow' ? 'ALLOW' : 'BLOCK'}  ${t.host}${t.path ?? ''}  (${opts.group}, ${at.toISOString()})`,
        );
        out(result.reason);
      },
    );

  cmd
    .command('helper')
    .description(
      "Squid url_rewrite helper (squidGuard drop-in): reads Squid's requests on stdin, answers on stdout",
    )
    .requiredOption('--school <id>', 'template id or school slug')
    .requiredOption('--group <group>', 'filter group for every request this helper answers')
    .option(
      '--block-url <url>',
      'block page to redirect to',
      process.env.HAVEN_BLOCK_PAGE_URL ?? 'http://localhost:8080/blocked',
    )
    .action(async (opts: { school: string; group: string; blockUrl: string }) => {
      const ctx = await resolveFilterContext(opts.school);
      const prepared = ctx.prepared;
      if (!prepared.group(opts.group))
        throw new CliError(
          `${ctx.name} has no filter group "${opts.group}" (groups: ${prepared.groups.map((g) => g.id).join(', ')})`,
          EXIT.usage,
        );
      let blockBase: URL;
      try {
        blockBase = new URL(opts.blockUrl);
      } catch {
        throw new CliError(`--block-url "${opts.blockUrl}" is not a URL`, EXIT.usage);
      }
      const lists = ctx.lists.current();
      const group = opts.group;
      const school = opts.school;
      await runSquidHelper({
        input: process.stdin,
        output: process.stdout,
        decide(req) {
          const d = filter.decide(prepared, lists, {
            group,
            user: req.user,
            at: Date.now(),
            host: req.host,
            path: req.connect ? null : pathOf(req.url),
          });
          if (d.action === 'allow') return { kind: 'pass' };
          // The block page decides again from these, so they reveal nothing the page would not.
          const u = new URL(blockBase);
          u.searchParams.set('school', school);
          u.searchParams.set('group', group);
          u.searchParams.set('host', d.alert === 'illegal-list' ? '-' : req.host);
          return { kind: 'block', redirectUrl: u.toString() };
        },
      });
    });

  registerFilterTestCommand(cmd);
}

function pathOf(url: string): string | null {
  const scheme = url.indexOf('://');
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  return start < 0 ? '/' : url.slice(start);
}
