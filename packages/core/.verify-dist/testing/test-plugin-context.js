import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../logging/logger.js';
import { MemoryPluginStore } from '../host/memory-plugin-store.js';
/**
 * A PluginContext for a plugin's unit tests: a temp state dir, a silent logger, an in-memory
 * store and the real environment filtered of nothing (tests control their own env).
 */
export function createTestPluginContext(options = {}) {
    const { projectChats = [], onShutdown, ...rest } = options;
    return {
        id: 'test',
        kind: 'engine',
        packageName: 'test-plugin',
        packageDir: process.cwd(),
        stateDir: mkdtempSync(join(tmpdir(), 'ferry-plugin-')),
        logger: createLogger({ level: process.env.FERRY_TEST_LOG ?? 'silent' }),
        store: new MemoryPluginStore(),
        childEnv: (extra) => ({ ...process.env, ...extra }),
        requestShutdown: (reason) => onShutdown?.(reason),
        projectChats: () => projectChats,
        ...rest,
    };
}
//# sourceMappingURL=test-plugin-context.js.map