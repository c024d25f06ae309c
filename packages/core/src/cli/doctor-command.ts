import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import { loadConfig } from '../config/load-config.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { stateDbPath } from '../state/state-store.js';
import { requestDaemon } from '../supervisor/status-client.js';
import { inventoryPlugins } from './plugin-inventory.js';

interface Finding {
  readonly ok: boolean | 'warn';
  readonly check: string;
  readonly detail: string;
}

/** `ferry doctor`: every check, each with what to do about it; exit 1 when one failed. */
export async function doctorCommand(opts: { json?: boolean }): Promise<number> {
  const findings: Finding[] = [];
  const configPath = resolveConfigPath();
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  findings.push({
    ok: major > 20 || (major === 20 && minor >= 19),
    check: 'node',
    detail: `Node ${process.versions.node} (needs ≥ 20.19)`,
  });
  let loaded: LoadedConfig | undefined;
  try {
    loaded = loadConfig(configPath);
    findings.push({ ok: true, check: 'config', detail: `${configPath} is valid` });
  } catch (err) {
    findings.push({ ok: false, check: 'config', detail: (err as Error).message });
  }
  if (loaded) await checkPlugins(loaded, findings);
  checkDatabase(stateDirOf(configPath), findings);
  try {
    const status = (await requestDaemon(
      stateDirOf(configPath),
      'status',
      {},
      { timeoutMs: 3000, configPath },
    )) as {
      pid: number;
      state: string;
    };
    findings.push({ ok: true, check: 'daemon', detail: `running (pid ${status.pid}, ${status.state})` });
  } catch (err) {
    findings.push({ ok: 'warn', check: 'daemon', detail: (err as Error).message });
  }

  if (opts.json) process.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
  else {
    for (const f of findings) {
      const mark = f.ok === true ? '✓' : f.ok === 'warn' ? '!' : '✗';
      process.stdout.write(`${mark} ${f.check}: ${f.detail}\n`);
    }
  }
  return findings.some((f) => f.ok === false) ? 1 : 0;
}

async function checkPlugins(loaded: LoadedConfig, findings: Finding[]): Promise<void> {
  const { registry, used } = await inventoryPlugins(loaded, true);
  for (const p of registry.problems())
    findings.push({ ok: 'warn', check: 'plugins', detail: `${p.path}: ${p.message}` });
  for (const u of used) {
    const record = registry.find(u.kind, u.id);
    if (!record) {
      findings.push({
        ok: false,
        check: `${u.kind}:${u.id}`,
        detail: `no plugin provides it (searched ${registry.searched().join(', ')})`,
      });
    } else if (record.status === 'failed') {
      findings.push({
        ok: false,
        check: `${u.kind}:${u.id}`,
        detail: record.problem?.message ?? 'failed to load',
      });
    } else {
      const ms = record.loadMs === undefined ? '' : ` · loaded in ${record.loadMs} ms`;
      findings.push({
        ok: true,
        check: `${u.kind}:${u.id}`,
        detail: `${record.packageName}@${record.packageVersion}${ms}`,
      });
    }
  }
  for (const r of registry.list()) {
    if (r.status === 'failed' && !used.some((u) => u.kind === r.kind && u.id === r.id)) {
      findings.push({
        ok: 'warn',
        check: `${r.kind}:${r.id}`,
        detail: `${r.problem?.message ?? 'failed'} (not used by this config)`,
      });
    }
  }
}

function checkDatabase(stateDir: string, findings: Finding[]): void {
  const file = stateDbPath(stateDir);
  if (!existsSync(file)) {
    findings.push({
      ok: 'warn',
      check: 'state',
      detail: `${file} does not exist yet (created at first start)`,
    });
    return;
  }
  try {
    // read-only: the doctor looks, it never repairs (the daemon moves a damaged file aside itself)
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const result = db.pragma('quick_check', { simple: true });
      findings.push({ ok: result === 'ok', check: 'state', detail: `${file}: integrity ${String(result)}` });
    } finally {
      db.close();
    }
  } catch (err) {
    findings.push({
      ok: false,
      check: 'state',
      detail: `${file}: ${(err as Error).message} — the daemon will move it aside and start a new one`,
    });
  }
}
