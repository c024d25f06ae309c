import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the demo agent remembers of a conversation, so `--resume` can continue it. */
export interface DemoSession {
  readonly session_id: string;
  readonly cwd: string;
  turns: number;
}

/** `$FERRY_DEMO_HOME/sessions`, else `~/.ferry-demo/sessions`. */
export function sessionsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.FERRY_DEMO_HOME ?? join(homedir(), '.ferry-demo'), 'sessions');
}

export function loadSession(id: string): DemoSession | undefined {
  // the id becomes a file name: only a UUID may reach the file system
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  try {
    return JSON.parse(readFileSync(join(sessionsDir(), `${id}.json`), 'utf8')) as DemoSession;
  } catch {
    return undefined;
  }
}

export function saveSession(session: DemoSession): void {
  const dir = sessionsDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${session.session_id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(session));
  renameSync(`${file}.tmp`, file);
}
