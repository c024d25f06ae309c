import type { Command } from 'commander';
import { ConfigKeyError } from '../config/config-key-error.js';
import { resolveConfigPath } from '../config/config-path.js';
import { setConfigValue } from '../config/edit-config.js';
import { getConfigValue } from '../config/get-config-value.js';
import { loadConfig } from '../config/load-config.js';
import { checkPluginSections } from './check-plugin-sections.js';
import type { ReportExit } from './report-exit.js';

/** `ferry config path|get|set|check`. */
export function configCommands(program: Command, set: ReportExit): void {
  const config = program.command('config').description('read, edit and check ferry.toml');
  config
    .command('path')
    .description('print the config file path in use ($FERRY_CONFIG_PATH or ~/.ferry/ferry.toml)')
    .action(() => set(Promise.resolve(print(resolveConfigPath()))));
  config
    .command('get <key>')
    .description(
      'print the effective value of a key (after env overrides and defaults), e.g. restart.drain_timeout_s',
    )
    .action((key: string) =>
      set(
        (async () => {
          const loaded = loadConfig(resolveConfigPath());
          const value = getConfigValue(loaded, key);
          if (value === undefined)
            throw new ConfigKeyError(key, `not set in ${loaded.path} and has no default`);
          return print(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
        })(),
      ),
    );
  config
    .command('set <key> <value>')
    .description('set a key in the file (comments kept; refused if the result would be invalid)')
    .action((key: string, value: string) =>
      set(
        (async () => {
          const path = resolveConfigPath();
          await setConfigValue(path, key, value);
          return print(`${path}: ${key} = ${value}`);
        })(),
      ),
    );
  config
    .command('check')
    .description('validate the config file; exit 1 with file:line: key: problem when it is invalid')
    .action(() =>
      set(
        (async () => {
          const loaded = loadConfig(resolveConfigPath());
          await checkPluginSections(loaded);
          return print(`${loaded.path}: ok`);
        })(),
      ),
    );
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
