import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { configCommands } from './config-commands.js';
import { doctorCommand } from './doctor-command.js';
import { hostPackageDir } from './host-package-dir.js';
import { initCommand } from './init-command.js';
import { pluginCommands } from './plugin-commands.js';
import { runCommand } from './run-command.js';
import { statusCommand } from './status-command.js';
import { journalCommands } from './journal-command.js';
export function hostVersion() {
    const pkg = JSON.parse(readFileSync(join(hostPackageDir(), 'package.json'), 'utf8'));
    return pkg.version;
}
export function buildProgram(exit) {
    const program = new Command('ferry')
        .description('Run coding agents (Claude Code, Codex, …) from Telegram, Slack and the terminal.')
        .version(hostVersion(), '-V, --version')
        .showHelpAfterError('(run with --help for usage)')
        .exitOverride()
        .configureOutput({ writeErr: (s) => process.stderr.write(s) });
    const set = async (action) => {
        exit.code = await action;
    };
    program
        .command('run', { isDefault: true })
        .description('run the daemon in the foreground (config: $FERRY_CONFIG_PATH or ~/.ferry/ferry.toml)')
        .option('--demo', 'run the embedded default: console chat + demo engine in a throwaway state dir')
        .action((opts) => set(runCommand(opts)));
    initCommand(program, set);
    program
        .command('doctor')
        .description('check the config, plugins, state database and daemon, and say what to fix')
        .option('--json', 'print the findings as JSON')
        .action((opts) => set(doctorCommand(opts)));
    configCommands(program, set);
    pluginCommands(program, set);
    program
        .command('status')
        .description('show the running daemon for this config')
        .option('--json', 'print JSON (pid, generation, state, transports, runs, queued, triggers)')
        .action((opts) => set(statusCommand(opts)));
    journalCommands(program, set);
    return program;
}
const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);
/** Commander's own exits (help, version, usage errors) as our exit codes; it printed the message. */
export function commanderExit(err) {
    return CLEAN_EXITS.has(err.code) ? 0 : 2;
}
//# sourceMappingURL=program.js.map