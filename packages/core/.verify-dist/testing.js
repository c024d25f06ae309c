/**
 * @ferry/core/testing — helpers for plugin authors' tests: a clock that moves only when told,
 * and an in-memory plugin store.
 */
export { ManualClock } from './clock/manual-clock.js';
export { MemoryPluginStore } from './host/memory-plugin-store.js';
export { MemoryTransport } from './testing/memory-transport.js';
export { ScriptedRunner, simpleScript } from './testing/scripted-runner.js';
export { createTestPluginContext } from './testing/test-plugin-context.js';
//# sourceMappingURL=testing.js.map