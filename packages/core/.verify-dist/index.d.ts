/**
 * @ferry/core — the public API. Plugins import only from here (DESIGN §3); everything not
 * exported is internal and may change. Grouped by audience: plugin authors first.
 */
import 'reflect-metadata';
export { definePlugin, PLUGIN_API_VERSION, PLUGIN_ID_PATTERN } from './api/plugin.js';
export type { PluginDefinition, PluginKind } from './api/plugin.js';
export type { PluginContext, PluginStore } from './api/plugin-context.js';
/** tsyringe's decorators and container type, so a plugin needs no direct tsyringe import. */
export { inject, injectable, type DependencyContainer } from 'tsyringe';
export { CLOCK, COMMAND, ENGINE_RUNNER, LOGGER, PLUGIN_CONFIG, PLUGIN_CONTEXT, SERVICE, TRANSPORT, type Token, } from './tokens.js';
export type { ConfigChangeVerdict, ConfigDelta, DrainReport, DrainRequest, InterruptedWork, Lifecycle, } from './api/lifecycle.js';
export type { EngineAction, EngineEvent, EngineHealth, Runner, RunRequest, Usage } from './api/engine.js';
export { startEngineProcess } from './process/engine-process.js';
export type { EngineExit, EngineProcess, EngineProcessOptions } from './process/engine-process.js';
export { EngineSpawnError } from './process/engine-spawn-error.js';
export { parseJsonLines, type JsonObject, type ParseJsonLinesOptions } from './process/json-lines.js';
export type { CommandInfo, Transport, TransportCapabilities } from './api/transport.js';
export type { Attachment, Button, InboundEvent, IngressCursor, IngressSink, MessageRef, OutgoingMessage, Sender, } from './api/messages.js';
export type { ActionView, FinalView, Presenter, ProgressView } from './api/presenter.js';
export { PlainPresenter } from './runs/plain-presenter.js';
export { splitText } from './runs/split-text.js';
export { formatChatAddress, parseChatAddress, sessionKeyOf } from './api/chat-address.js';
export type { ChatAddress } from './api/chat-address.js';
export type { Command, CommandContext, CommandResult } from './api/command.js';
export { FerryError, isFerryError } from './errors/ferry-error.js';
export * from './errors/codes.js';
export type { Clock } from './clock/clock.js';
export { SystemClock } from './clock/system-clock.js';
export type { Logger } from './logging/logger.js';
export type { PluginProblem, PluginRecord, PluginSource, PluginStatus } from './plugins/plugin-record.js';
export { RESERVED_COMMAND_IDS } from './plugins/reserved-command-ids.js';
