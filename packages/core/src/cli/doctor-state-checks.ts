import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stateDbPath } from '../state/state-store.js';
import { lockFilePath } from '../supervisor/instance-lock.js';
import { readPidFile } from '../supervisor/pid-file.js';
import { type Finding, fail, pass, warn } from './doctor-finding.js';

const mode = (bits: number) => (bits & 0o777).toString(8).padStart(4, '0');

/**
 * The state dir as the store creates it: `state/` 0700 and its database files 0600, owned by
 * this user (the journal holds every message and prompt). The config, which holds the tokens,
 * should not be readable by others either.
 */
export function permissionFindings(stateDir: string, configPath: string): Finding[] {
  const findings: Finding[] = [];
  const dir = join(stateDir, 'state');
  const uid = process.getuid?.();
  if (!existsSync(dir))
    return [warn('permissions', `${dir} does not exist yet (created 0700 at first start)`)];
  const wrong: string[] = [];
  const fixes: string[] = [];
  const look = (path: string, want: number) => {
    const st = statSync(path);
    if (uid !== undefined && st.uid !== uid) {
      wrong.push(`${path} is owned by uid ${st.uid}`);
      fixes.push(`chown ${uid} ${path}`);
    } else if ((st.mode & 0o077) !== 0) {
      wrong.push(`${path} is ${mode(st.mode)}`);
      fixes.push(`chmod ${mode(want).slice(1)} ${path}`);
    }
  };
  look(dir, 0o700);
  for (const name of readdirSync(dir)) if (name.startsWith('ferry.db')) look(join(dir, name), 0o600);
  if (wrong.length > 0)
    findings.push(
      fail('permissions', `${wrong.join('; ')} (others may read the journal)`, fixes.join(' && ')),
    );
  else findings.push(pass('permissions', `${dir} is 0700 and its database files 0600`));
  if (existsSync(configPath) && (statSync(configPath).mode & 0o077) !== 0) {
    const bits = mode(statSync(configPath).mode);
    findings.push(
      warn('permissions', `${configPath} is ${bits}; it may hold tokens`, `chmod 600 ${configPath}`),
    );
  }
  return findings;
}

/** SQLite's quick_check, read-only: the doctor looks, it never repairs. */
export function databaseFinding(stateDir: string): Finding {
  const file = stateDbPath(stateDir);
  if (!existsSync(file)) return warn('state', `${file} does not exist yet (created at first start)`);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const result = db.pragma('quick_check', { simple: true });
      return result === 'ok'
        ? pass('state', `${file}: integrity ok`)
        : fail(
            'state',
            `${file}: integrity ${String(result)}`,
            'stop Ferry and start it again: it moves a damaged database aside',
          );
    } finally {
      db.close();
    }
  } catch (err) {
    return fail(
      'state',
      `${file}: ${(err as Error).message}`,
      'check the file is readable by this user; a damaged one is moved aside at the next start',
    );
  }
}

/**
 * Who holds the instance lock: the kernel lock itself (probed with a read that needs a shared
 * lock, refused while a daemon holds its exclusive one) and the pid the holder recorded. The
 * probe takes a shared lock for an instant, so a daemon starting at that very moment could be
 * refused once; doctor is not run in a loop, so that is acceptable.
 */
export function lockFinding(stateDir: string): Finding {
  const pid = readPidFile(stateDir);
  const alive = pid !== undefined && isAlive(pid);
  const held = lockHeld(lockFilePath(stateDir));
  const who = pid === undefined ? 'no pid file' : `pid ${pid} ${alive ? 'is running' : 'is not running'}`;
  if (typeof held === 'string') return warn('lock', `cannot probe ${lockFilePath(stateDir)}: ${held}`);
  if (held && alive) return pass('lock', `held by pid ${pid} (running)`);
  if (held)
    return warn(
      'lock',
      `held, but ${who}: the holder did not record itself`,
      `find it with \`fuser ${lockFilePath(stateDir)}\``,
    );
  if (alive) return warn('lock', `free, but the pid file names pid ${pid}, which is running something else`);
  const stale = pid === undefined ? '' : ': left by a crash, harmless';
  return pass('lock', `free (no ferry runs for this config; ${who}${stale})`);
}

/** true/false, undefined when there is no lock file, or the error text when the probe failed. */
function lockHeld(path: string): boolean | string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      db.pragma('schema_version');
      return false;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
      return (err as Error).message;
    } finally {
      db.close();
    }
  } catch (err) {
    return (err as Error).message;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
