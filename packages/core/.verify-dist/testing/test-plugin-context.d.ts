import type { ChatAddress } from '../api/chat-address.js';
import type { PluginContext } from '../api/plugin-context.js';
export interface TestContextOptions extends Partial<Omit<PluginContext, 'projectChats'>> {
    readonly projectChats?: readonly ChatAddress[];
    /** Called on `requestShutdown`. */
    readonly onShutdown?: (reason: string) => void;
}
/**
 * A PluginContext for a plugin's unit tests: a temp state dir, a silent logger, an in-memory
 * store and the real environment filtered of nothing (tests control their own env).
 */
export declare function createTestPluginContext(options?: TestContextOptions): PluginContext;
