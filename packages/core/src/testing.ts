/**
 * @ferry/core/testing — helpers for plugin authors' tests: a clock that moves only when told,
 * and an in-memory plugin store.
 */
export { ManualClock } from './clock/manual-clock.js';
export { MemoryPluginStore } from './host/memory-plugin-store.js';
export { CommandTester, type CommandTesterOptions, type EngineCall } from './testing/command-tester.js';
export { MemoryTransport, type RecordedMessage } from './testing/memory-transport.js';
export { runningInGroup, waitForGroupGone } from './testing/process-group.js';
export { ScriptedRunner, type ScriptStep, simpleScript } from './testing/scripted-runner.js';
export { createTestPluginContext, type TestContextOptions } from './testing/test-plugin-context.js';
