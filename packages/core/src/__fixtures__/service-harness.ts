import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { container as root } from 'tsyringe';
import type { Runner } from '../api/engine.js';
import type { Clock } from '../clock/clock.js';
import { SystemClock } from '../clock/system-clock.js';
import { type FerryConfig, ferryConfigSchema } from '../config/schema.js';
import { wireCoreServices } from '../host/core-services.js';
import { createLogger } from '../logging/logger.js';
import type { EngineSource } from '../runs/engine-source.js';
import { StateStore } from '../state/state-store.js';
import type { Notifier } from '../supervisor/notifier.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { CLOCK, LOGGER, STATE_STORE } from '../tokens.js';

export interface HarnessOptions {
  /** Reuse a state dir: the next generation after a (simulated) restart or crash. */
  readonly dir?: string;
  readonly clock?: Clock;
  readonly engines?: Record<string, Runner>;
  readonly config?: Record<string, unknown>;
  readonly transport?: MemoryTransport;
}

/** Records what the coordinator tells systemd. */
export class RecordingNotifier implements Notifier {
  readonly sent: Record<string, string>[] = [];
  notify(state: Readonly<Record<string, string>>): void {
    this.sent.push({ ...state });
  }
  close(): void {}
}

/**
 * One generation of the core services, wired exactly as the host wires them, over a real
 * SQLite store in a temp dir and a memory transport. Call `startup()` to run STARTUP's tail.
 */
export async function buildHarness(options: HarnessOptions = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ferry-svc-'));
  const clock = options.clock ?? new SystemClock();
  const log = createLogger({ level: process.env.FERRY_TEST_LOG ?? 'silent' });
  // runs (and the files they save) stay in the temp dir, never in the developer's home
  const config: FerryConfig = ferryConfigSchema.parse({
    default_engine: 'test',
    default_cwd: dir,
    ...options.config,
  });
  const store = StateStore.open(dir, { logger: log, clock });
  const container = root.createChildContainer();
  container.register(CLOCK, { useValue: clock });
  container.register(LOGGER, { useValue: log });
  container.register(STATE_STORE, { useValue: store });
  const runners = options.engines ?? {};
  const engines: EngineSource = {
    defaultEngine: config.default_engine,
    ids: () => Object.keys(runners),
    runner: async (id) => {
      const r = runners[id];
      if (!r) throw new Error(`no engine ${id}`);
      return r;
    },
  };
  const notifier = new RecordingNotifier();
  const core = wireCoreServices({
    container,
    clock,
    log,
    config: () => config,
    stateDir: dir,
    engines,
    notifier,
    participants: () => [],
  });
  const transport = options.transport ?? new MemoryTransport('memory');
  core.hub.add(transport);
  await transport.start(core.ingressSink());
  return {
    ...core,
    dir,
    clock,
    config,
    store,
    transport,
    notifier,
    /** Closes the database, as a crash would (nothing else is flushed or told). */
    close: () => {
      void core.sender.stop(0);
      store.close();
    },
    destroy: () => {
      void core.sender.stop(0);
      store.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof buildHarness>>;
