import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import * as testing from './testing.js';

/*
 * The public API is what plugins may import. A change here is a change for every plugin
 * author: this snapshot makes it show up in review (update it on purpose, with a note in
 * docs/plugin-api.md and, for removals, a major PLUGIN_API_VERSION bump).
 */
describe('the public API of @ferry/core', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "CLOCK",
        "COMMAND",
        "ChatAddressError",
        "CommandButtonError",
        "DaemonNotRunningError",
        "ENGINE_RUNNER",
        "EngineNotFoundError",
        "EngineSpawnError",
        "FerryError",
        "HookTimeoutError",
        "LOGGER",
        "PLUGIN_API_VERSION",
        "PLUGIN_CONFIG",
        "PLUGIN_CONTEXT",
        "PLUGIN_ID_PATTERN",
        "PlainPresenter",
        "PluginContractError",
        "RESERVED_COMMAND_IDS",
        "RunCancelledError",
        "RunDetachedError",
        "RunInterruptedError",
        "SERVICE",
        "SystemClock",
        "TRANSPORT",
        "TransportNotFoundError",
        "UsageError",
        "definePlugin",
        "describeExit",
        "formatChatAddress",
        "inject",
        "injectable",
        "isApprovalButtonData",
        "isFerryError",
        "parseChatAddress",
        "parseJsonLines",
        "probeEngineVersion",
        "retireEngineProcess",
        "runJsonlEngine",
        "sessionKeyOf",
        "splitText",
        "startEngineProcess",
        "summarizeStderr",
      ]
    `);
  });

  it('exports exactly these testing helpers from @ferry/core/testing', () => {
    expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
      [
        "CommandTester",
        "ManualClock",
        "MemoryPluginStore",
        "MemoryTransport",
        "ScriptedRunner",
        "createTestPluginContext",
        "runningInGroup",
        "simpleScript",
        "waitForGroupGone",
      ]
    `);
  });

  it('keeps DI tokens global, so a plugin with its own copy of core resolves the host’s providers', () => {
    expect(api.ENGINE_RUNNER).toBe(Symbol.for('ferry.engineRunner'));
    expect(api.TRANSPORT).toBe(Symbol.for('ferry.transport'));
    expect(api.PLUGIN_CONTEXT).toBe(Symbol.for('ferry.pluginContext'));
  });
});
