import { createInterface } from 'node:readline';
import { monitor, policy } from '@haven/core';
import type { Command } from 'commander';
import { CliError, EXIT, out } from '../output.ts';
import { resolvePolicy } from '../resolve-policy.ts';

/**
 * `haven monitor scan`: each line on stdin (text, a search query or a URL) checked against the
 * phrase libraries, one JSON object per line out, in order. A URL of a search engine is scanned
 * for its search terms; another URL for the words of its path.
 */
export function registerMonitorCommands(program: Command): void {
  const m = program.command('monitor').description('monitoring: phrase libraries and scanning');

  m.command('scan')
    .description('scan lines from stdin against the phrase libraries (English and Welsh)')
    .requiredOption('--school <id>', 'template id or school slug')
    .option('--jsonl', 'one JSON object per input line (the only output format)')
    .action(async (opts: { school: string; jsonl?: boolean }) => {
      if (!opts.jsonl)
        throw new CliError('give --jsonl: one JSON object is written per input line', EXIT.usage);
      // The school must exist; its own phrase changes arrive with the monitoring settings.
      if (!policy.template(opts.school)) await resolvePolicy(opts.school);
      const matcher = new monitor.PhraseMatcher(monitor.basePhrases());
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) {
        const { text } = monitor.scannableText(line);
        const matches = matcher
          .scan(text)
          .map((x) => ({ category: x.category, severity: x.severity, phrase: x.phrase }));
        out(JSON.stringify({ input: line, matches }));
      }
    });

  m.command('phrases')
    .description('the phrase library as a school can publish it to parents: category, severity, phrase')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const phrases = monitor.basePhrases();
      if (opts.json) {
        out(
          JSON.stringify(
            {
              version: monitor.LIBRARY_VERSION,
              phrases: phrases.map((p) => ({
                id: p.id,
                language: p.language,
                category: p.category,
                severity: p.severity,
                phrase: p.text,
              })),
            },
            null,
            2,
          ),
        );
        return;
      }
      out(`Haven phrase library ${monitor.LIBRARY_VERSION} (${phrases.length} phrases)`);
      for (const c of monitor.MONITOR_CATEGORIES) {
        out(`\n${c.label}`);
        for (const p of phrases.filter((x) => x.category === c.id))
          out(`  ${p.severity}  ${p.text}${p.language === 'cy' ? '  (Cymraeg)' : ''}`);
      }
    });
}
