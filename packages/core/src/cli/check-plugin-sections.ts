import { ConfigInvalidError } from '../config/config-invalid-error.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { inventoryPlugins } from './plugin-inventory.js';

/**
 * `ferry config check` promises what `ferry run` would say: besides the core keys, each section a
 * plugin owns is validated by that plugin's own schema (the plugins are loaded to get it). The
 * first refusal is rethrown as the config error it is, `file:line: key: problem` first.
 */
export async function checkPluginSections(loaded: LoadedConfig): Promise<void> {
  const { registry, used } = await inventoryPlugins(loaded, true);
  for (const u of used) {
    const record = registry.find(u.kind, u.id);
    if (record?.status !== 'failed' || record.problem?.code !== 'FERRY_CONFIG_INVALID') continue;
    // the loader's message wraps the config error's own `file:line: key: problem`: lift it out
    const message = record.problem.message;
    const at = message.indexOf(`${loaded.path}:`);
    const m = /^(\d+): (\S+): (.*)$/.exec(at >= 0 ? message.slice(at + loaded.path.length + 1) : '');
    throw new ConfigInvalidError(
      m
        ? { file: loaded.path, line: Number(m[1]), key: m[2]!, problem: m[3]! }
        : {
            file: loaded.path,
            key: `${u.kind === 'engine' ? 'engines' : 'transports'}.${u.id}`,
            problem: message,
          },
    );
  }
}
