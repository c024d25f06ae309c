import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { EngineHealth } from '../api/engine.js';
import type { Clock } from '../clock/clock.js';
import { type EngineProcess, startEngineProcess } from './engine-process.js';

export interface VersionProbe {
  readonly command: string;
  /** Config key naming the executable, for the fix in the message (`engines.<id>.path`). */
  readonly pathKey: string;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly clock: Clock;
  readonly timeoutMs: number;
  /** Output that proves this is the expected CLI, e.g. `/\(Claude Code\)/` or `/^codex-cli /`. */
  readonly expect: RegExp;
  readonly signal?: AbortSignal;
}

/**
 * `<command> --version` for `ferry doctor`: which binary PATH resolves to, what it prints,
 * and whether that looks like the CLI this engine speaks to. Never throws.
 */
export async function probeEngineVersion(p: VersionProbe): Promise<EngineHealth> {
  const binary = resolveExecutable(p.command, p.env.PATH ?? '', p.cwd);
  let proc: EngineProcess;
  try {
    proc = await startEngineProcess({
      command: p.command,
      args: ['--version'],
      cwd: p.cwd,
      env: p.env,
      stdin: null,
      clock: p.clock,
      graceMs: 1000,
      pathKey: p.pathKey,
      ...(p.signal ? { signal: p.signal } : {}),
    });
  } catch (err) {
    return {
      ok: false,
      ...(binary ? { binary } : {}),
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  const lines: string[] = [];
  const reading = (async () => {
    for await (const line of proc.lines) if (line.trim()) lines.push(line.trim());
  })();
  const timer = new AbortController();
  const exited = await Promise.race([
    proc.exit.then((e) => e),
    p.clock.sleep(p.timeoutMs, timer.signal).then(
      () => undefined,
      () => undefined,
    ),
  ]);
  timer.abort();
  if (!exited) {
    await proc.stop('version check timed out');
    return {
      ok: false,
      ...(binary ? { binary } : {}),
      detail: `${p.command} --version did not answer within ${p.timeoutMs} ms`,
    };
  }
  await reading;
  const version = lines[0];
  const where = binary ? ` (${binary})` : '';
  if (exited.code !== 0 || !version) {
    const said = proc.stderrTail().trim().split('\n').at(-1) ?? '';
    return {
      ok: false,
      ...(binary ? { binary } : {}),
      detail: `${p.command} --version ${exited.signal ? `was killed by ${exited.signal}` : `exited with code ${exited.code}`}${where}${said ? `: ${said}` : ''}`,
    };
  }
  const ok = p.expect.test(version);
  return {
    ok,
    ...(binary ? { binary } : {}),
    version,
    detail: ok
      ? `${version}${where}`
      : `${p.command} printed "${version}"${where}, which does not look like the expected CLI; check ${p.pathKey}`,
  };
}

/** What the OS would run for `command`: a path as given, or the first executable on PATH. */
function resolveExecutable(command: string, path: string, cwd: string): string | undefined {
  if (command.includes('/')) return isAbsolute(command) ? command : resolve(cwd, command);
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
