import type { Runner } from '../api/engine.js';
import type { Transport } from '../api/transport.js';
import type { Clock } from '../clock/clock.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { LoadedPlugin } from '../plugins/plugin-loader.js';
import type { PluginRecord } from '../plugins/plugin-record.js';
import { ENGINE_RUNNER, TRANSPORT } from '../tokens.js';
import { type Finding, fail, pass, warn } from './doctor-finding.js';
import { inventoryPlugins } from './plugin-inventory.js';

/** How long one engine's or transport's own check may take. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Plugins loaded or why not; for what the config uses, whether it works here: each engine's
 * `Runner.check()` (binary found, version) and each transport's `Transport.check()` (platform
 * reachable, credentials accepted), when the plugin has one.
 */
export async function pluginFindings(loaded: LoadedConfig, clock: Clock): Promise<Finding[]> {
  const findings: Finding[] = [];
  const { registry, used } = await inventoryPlugins(loaded, true);
  for (const p of registry.problems())
    findings.push(
      warn('plugins', `${p.path}: ${p.message}`, 'fix or remove that package or [plugins] paths entry'),
    );
  const plugins = await registry.loaded();
  for (const u of used) {
    const label = `${u.kind}:${u.id}`;
    const section = `[${u.kind}s.${u.id}]`;
    const record = registry.find(u.kind, u.id);
    if (!record) {
      findings.push(
        fail(
          label,
          `no plugin provides it (searched ${registry.searched().join(', ')})`,
          `install one (\`ferry plugins add <package>\`), or remove ${section}${u.kind === 'engine' ? ' / change default_engine' : ''}`,
        ),
      );
    } else if (record.status === 'disabled') {
      findings.push(
        fail(
          label,
          `${record.packageName} is not in [plugins] enabled`,
          `add "${record.packageName}" to [plugins] enabled`,
        ),
      );
    } else if (record.status === 'failed') {
      findings.push(
        fail(
          label,
          record.problem?.message ?? 'failed to load',
          `fix what the message names (${section} or the package)`,
        ),
      );
    } else {
      const plugin = plugins.find((p) => p.record.kind === u.kind && p.record.id === u.id);
      findings.push(await works(label, section, record, plugin, clock));
    }
  }
  for (const r of registry.list()) {
    if (r.status !== 'failed' || used.some((u) => u.kind === r.kind && u.id === r.id)) continue;
    // a plugin this config does not use fails its schema for want of a section: that is no problem
    const unconfigured = r.problem?.code === 'FERRY_CONFIG_INVALID' && !hasSection(loaded, r.kind, r.id);
    if (!unconfigured)
      findings.push(warn(`${r.kind}:${r.id}`, `${r.problem?.message ?? 'failed'} (not used by this config)`));
  }
  return findings;
}

function hasSection(loaded: LoadedConfig, kind: string, id: string): boolean {
  const table = kind === 'engine' ? 'engines' : kind === 'transport' ? 'transports' : 'plugins';
  return (loaded.raw[table] as Record<string, unknown> | undefined)?.[id] !== undefined;
}

async function works(
  label: string,
  section: string,
  record: PluginRecord,
  plugin: LoadedPlugin | undefined,
  clock: Clock,
): Promise<Finding> {
  const ms = record.loadMs === undefined ? '' : ` · loaded in ${record.loadMs} ms`;
  const where = `${record.packageName}@${record.packageVersion}${ms}`;
  if (!plugin) return pass(label, where);
  let health: { ok: boolean; detail: string } | undefined;
  try {
    if (record.kind === 'engine') {
      const runner = plugin.resolve<Runner>(ENGINE_RUNNER);
      if (runner.check) health = await bounded(clock, (signal) => runner.check!(signal));
    } else {
      const transport = plugin.resolve<Transport>(TRANSPORT);
      if (transport.check) health = await bounded(clock, (signal) => transport.check!(signal));
    }
  } catch (err) {
    health = { ok: false, detail: (err as Error).message };
  }
  if (!health) return pass(label, `${where} · no self-check`);
  if (health.ok) return pass(label, `${where} · ${health.detail}`);
  const hint =
    record.kind === 'engine'
      ? `install the engine's CLI or set ${section} path (docs/engines.md)`
      : `check the credentials in ${section} and that this machine reaches the platform`;
  return fail(label, health.detail, hint);
}

/** Runs a check with a deadline; a check that hangs is a failed check, not a hung doctor. */
async function bounded<T extends { ok: boolean; detail: string }>(
  clock: Clock,
  check: (signal: AbortSignal) => Promise<T>,
): Promise<{ ok: boolean; detail: string }> {
  const abort = new AbortController();
  const timer = new AbortController();
  try {
    return await Promise.race([
      check(abort.signal),
      clock.sleep(CHECK_TIMEOUT_MS, timer.signal).then(() => {
        abort.abort();
        return { ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS / 1000} s` };
      }),
    ]);
  } finally {
    timer.abort();
  }
}
