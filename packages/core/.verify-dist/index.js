/**
 * @ferry/core — the public API. Plugins import only from here (DESIGN §3); everything not
 * exported is internal and may change. Grouped by audience: plugin authors first.
 */
import 'reflect-metadata';
// ── Writing a plugin ────────────────────────────────────────────────────────
export { definePlugin, PLUGIN_API_VERSION, PLUGIN_ID_PATTERN } from './api/plugin.js';
/** tsyringe's decorators and container type, so a plugin needs no direct tsyringe import. */
export { inject, injectable } from 'tsyringe';
export { CLOCK, COMMAND, ENGINE_RUNNER, LOGGER, PLUGIN_CONFIG, PLUGIN_CONTEXT, SERVICE, TRANSPORT, } from './tokens.js';
export { startEngineProcess } from './process/engine-process.js';
export { EngineSpawnError } from './process/engine-spawn-error.js';
export { parseJsonLines } from './process/json-lines.js';
export { PlainPresenter } from './runs/plain-presenter.js';
export { splitText } from './runs/split-text.js';
export { formatChatAddress, parseChatAddress, sessionKeyOf } from './api/chat-address.js';
// ── Errors, time, logging ───────────────────────────────────────────────────
export { FerryError, isFerryError } from './errors/ferry-error.js';
export * from './errors/codes.js';
export { SystemClock } from './clock/system-clock.js';
export { RESERVED_COMMAND_IDS } from './plugins/reserved-command-ids.js';
//# sourceMappingURL=index.js.map