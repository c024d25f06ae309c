import type { Command } from 'commander';
import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import { loadConfig } from '../config/load-config.js';
import { installPlugin, removePlugin } from '../plugins/plugin-installer.js';
import { describeRecord, inventoryPlugins } from './plugin-inventory.js';
import type { ReportExit } from './report-exit.js';

/** npm's own progress lines, dimmed and indented under ours, on stderr. */
function progress(line: string): void {
  if (line.trim()) process.stderr.write(`  │ ${line}\n`);
}

/** `ferry plugins list|add|remove`. */
export function pluginCommands(program: Command, set: ReportExit): void {
  const plugins = program.command('plugins').description('list, install and remove plugins');
  plugins
    .command('list')
    .description('every plugin found, where it came from, and whether it loads')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      set(
        (async () => {
          const { registry } = await inventoryPlugins(loadConfig(resolveConfigPath()), true);
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ plugins: registry.list(), problems: registry.problems() }, null, 2)}\n`,
            );
            return 0;
          }
          const lines = registry.list().map(describeRecord);
          for (const p of registry.problems()) lines.push(`problem: ${p.path}: ${p.message}`);
          process.stdout.write(`${lines.join('\n') || 'no plugins found'}\n`);
          return 0;
        })(),
      ),
    );
  plugins
    .command('add <spec>')
    .description('install a plugin package (npm spec, directory or tarball) into <state dir>/plugins')
    .action((spec: string) =>
      set(
        (async () => {
          const stateDir = stateDirOf(resolveConfigPath());
          process.stderr.write(`Installing ${spec} into ${stateDir}/plugins …\n`);
          const installed = await installPlugin({ stateDir, spec, onOutput: progress });
          const ids = installed.plugins.map((p) => `${p.kind}:${p.id}`).join(', ');
          process.stdout.write(`installed ${installed.name}@${installed.version}: ${ids}\n`);
          process.stdout.write('Restart ferry (`/restart` in a chat, or restart its service) to use it.\n');
          return 0;
        })(),
      ),
    );
  plugins
    .command('remove <name>')
    .description('uninstall a package that `ferry plugins add` installed')
    .action((name: string) =>
      set(
        (async () => {
          const stateDir = stateDirOf(resolveConfigPath());
          await removePlugin(stateDir, name, { onOutput: progress });
          process.stdout.write(`removed ${name}\n`);
          return 0;
        })(),
      ),
    );
}
