import { Command, CommanderError } from 'commander';
import { registerAgreementsCommands } from './commands/agreements.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerFilterCommands } from './commands/filter.ts';
import { registerGatewayCommand } from './commands/gateway.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerIncidentCommands } from './commands/incident.ts';
import { registerListsCommands } from './commands/lists.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerMonitorCommands } from './commands/monitor.ts';
import { registerPeopleCommands } from './commands/people.ts';
import { registerPolicyCommands } from './commands/policy.ts';
import { registerSsoCommands } from './commands/sso.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerUsersCommands } from './commands/users.ts';
import { CliError, EXIT, err } from './output.ts';

// A reader that stops early (`haven policy show x | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const program = new Command('haven')
  .description(
    "Haven: the school's approved online-safety policy, compiled into what the school's systems do.",
  )
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerStartCommand(program);
registerDemoCommand(program);
registerMigrateCommand(program);
registerPolicyCommands(program);
registerUsersCommands(program);
registerPeopleCommands(program);
registerSsoCommands(program);
registerAuditCommands(program);
registerListsCommands(program);
registerFilterCommands(program);
registerGatewayCommand(program);
registerIncidentCommands(program);
registerMonitorCommands(program);
registerImportCommand(program);
registerAgreementsCommands(program);

/** Every command, subcommands included, so `haven --help` lists all of them. */
function allCommands(cmd: Command, prefix = ''): string[] {
  return cmd.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    const args = sub.registeredArguments
      .map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))
      .join(' ');
    const own =
      sub.commands.length === 0
        ? [`  haven ${name}${args ? ` ${args}` : ''}`.padEnd(46) + sub.description()]
        : [];
    return [...own, ...allCommands(sub, `${name} `)];
  });
}
program.addHelpText(
  'after',
  () =>
    `\nAll commands:\n${allCommands(program).join('\n')}\n\nRun \`haven <command> --help\` for a command's options.`,
);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    err(`haven: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    err(`haven: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT.unavailable;
  }
}
