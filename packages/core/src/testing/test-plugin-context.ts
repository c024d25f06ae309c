import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatAddress } from '../api/chat-address.js';
import type { PluginContext } from '../api/plugin-context.js';
import { MemoryPluginStore } from '../host/memory-plugin-store.js';
import { createLogger } from '../logging/logger.js';

export interface TestContextOptions extends Partial<Omit<PluginContext, 'projectChats'>> {
  readonly projectChats?: readonly ChatAddress[];
  /** Called on `requestShutdown`. */
  readonly onShutdown?: (reason: string) => void;
}

/**
 * A PluginContext for a plugin's unit tests: a temp state dir, a silent logger, an in-memory
 * store and the real environment filtered of nothing (tests control their own env).
 */
export function createTestPluginContext(options: TestContextOptions = {}): PluginContext {
  const { projectChats = [], onShutdown, ...rest } = options;
  return {
    id: 'test',
    kind: 'engine',
    packageName: 'test-plugin',
    packageDir: process.cwd(),
    logger: createLogger({ level: process.env.FERRY_TEST_LOG ?? 'silent' }),
    store: new MemoryPluginStore(),
    childEnv: (extra) => ({ ...process.env, ...extra }),
    requestShutdown: (reason) => onShutdown?.(reason),
    projectChats: () => projectChats,
    ...rest,
    // a temp dir only when the test gave none, so nothing is left behind needlessly
    stateDir: rest.stateDir ?? mkdtempSync(join(tmpdir(), 'ferry-plugin-')),
  };
}
