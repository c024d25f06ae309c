import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { buildHarness, type Harness } from '../../__fixtures__/service-harness.js';
import type { Clock } from '../../clock/clock.js';
import { ScriptedRunner, simpleScript } from '../../testing/scripted-runner.js';

/** A temp state dir shared by the generations of one test; removed when it ends. */
export function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-triggers-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TriggerGeneration {
  readonly h: Harness;
  readonly runner: ScriptedRunner;
  /** Stops the triggers and closes the database without telling anyone, like a crash. */
  crash(): Promise<void>;
}

/**
 * One generation of the core services with its TriggerManager started, over `dir`. Each run
 * answers `answer <prompt>`; the chat is `memory:c1`.
 */
export async function generation(
  dir: string,
  clock: Clock,
  triggers: Record<string, unknown>,
): Promise<TriggerGeneration> {
  const runner = new ScriptedRunner((req) => simpleScript(`answer ${req.prompt}`));
  const h = await buildHarness({ dir, clock, engines: { test: runner }, config: { triggers } });
  await h.startup();
  await h.triggers.start();
  let closed = false;
  const crash = async () => {
    if (closed) return;
    closed = true;
    await h.triggers.stop();
    h.close();
  };
  onTestFinished(crash);
  return { h, runner, crash };
}

/** Journal entries a trigger kind produced, by dedupe key. */
export function triggerKeys(h: Harness, transport: string): string[] {
  return h.journal
    .list(['pending', 'running', 'answering', 'done', 'skipped', 'dead'])
    .filter((e) => e.event.transport === transport)
    .map((e) => e.event.dedupeKey);
}

/** Lets journal writes (setImmediate) and dispatch settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}
