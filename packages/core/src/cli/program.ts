import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { configCommands } from './config-commands.js';
import { doctorCommand } from './doctor-command.js';
import { hostPackageDir } from './host-package-dir.js';
import { initCommand } from './init-command.js';
import { journalCommands } from './journal-command.js';
import { pluginCommands } from './plugin-commands.js';
import type { ReportExit } from './report-exit.js';
import { runCommand } from './run-command.js';
import { serviceCommands } from './service-command.js';
import { statusCommand } from './status-command.js';
import { stopCommands } from './stop-command.js';

/** A subcommand's action reports its exit code here; commander itself only parses. */
export interface ExitBox {
  code: number;
}

export function hostVersion(): string {
  const pkg = JSON.parse(readFileSync(join(hostPackageDir(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(exit: ExitBox): Command {
  const program = new Command('ferry')
    .description('Run coding agents (Claude Code, Codex, …) from Telegram, Slack and the terminal.')
    .version(hostVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const set: ReportExit = async (action) => {
    exit.code = await action;
  };

  program
    .command('run', { isDefault: true })
    .description('run the daemon in the foreground (config: $FERRY_CONFIG_PATH or ~/.ferry/ferry.toml)')
    .option('--demo', 'run the embedded default: console chat + demo engine in a throwaway state dir')
    // `run` is the default command, so `ferry bogus` lands here: say what is wrong
    .argument('[command]')
    .usage('[options]')
    .action((command: string | undefined, opts: { demo?: boolean }) => {
      if (command !== undefined) program.error(`error: unknown command '${command}'`, { exitCode: 2 });
      return set(runCommand(opts));
    });

  initCommand(program, set);
  program
    .command('doctor')
    .description(
      'check config, transports, engines, plugins, state, lock, systemd unit and time zones; say what to fix',
    )
    .option('--json', 'print the findings as JSON')
    .action((opts: { json?: boolean }) => set(doctorCommand(opts)));
  configCommands(program, set);
  pluginCommands(program, set);
  program
    .command('status')
    .description('show the running daemon for this config')
    .option('--json', 'print JSON (pid, generation, state, transports, runs, queued, triggers)')
    .action((opts: { json?: boolean }) => set(statusCommand(opts)));
  stopCommands(program, set);
  journalCommands(program, set);
  serviceCommands(program, set);
  return program;
}

const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Commander's own exits (help, version, usage errors) as our exit codes; it printed the message. */
export function commanderExit(err: CommanderError): number {
  return CLEAN_EXITS.has(err.code) ? 0 : 2;
}
