/**
 * @ferry/core — the public API. Plugins import only from here (DESIGN §3); everything not
 * exported is internal and may change. Grouped by audience: plugin authors first.
 */
import 'reflect-metadata';

/** tsyringe's decorators and container type, so a plugin needs no direct tsyringe import. */
export { type DependencyContainer, inject, injectable } from 'tsyringe';
// ── Engines ─────────────────────────────────────────────────────────────────
export type {
  ApprovalAnswer,
  ApprovalCategory,
  ApprovalChannel,
  ApprovalMode,
  ApprovalOption,
  ApprovalQuestion,
  ApprovalRequest,
} from './api/approval.js';
export { isApprovalButtonData } from './api/approval.js';
export type { ChatAddress } from './api/chat-address.js';
export { formatChatAddress, parseChatAddress, sessionKeyOf } from './api/chat-address.js';
// ── Commands ────────────────────────────────────────────────────────────────
export type {
  CallbackContext,
  ChatCommandContext,
  Command,
  CommandButton,
  CommandContext,
  CommandMessageOptions,
  CommandResult,
  EngineAnswer,
  RunEngineOptions,
} from './api/command.js';
export type { DetachedRun } from './api/detached-run.js';
export type { EngineAction, EngineEvent, EngineHealth, Runner, RunRequest, Usage } from './api/engine.js';
export type {
  ConfigChangeVerdict,
  ConfigDelta,
  DrainReport,
  DrainRequest,
  InterruptedWork,
  Lifecycle,
} from './api/lifecycle.js';
export type {
  Attachment,
  Button,
  InboundEvent,
  IngressCursor,
  IngressSink,
  MessageRef,
  OutgoingMessage,
  Sender,
} from './api/messages.js';
export type { PluginDefinition, PluginKind } from './api/plugin.js';
// ── Writing a plugin ────────────────────────────────────────────────────────
export { definePlugin, PLUGIN_API_VERSION, PLUGIN_ID_PATTERN } from './api/plugin.js';
export type { PluginContext, PluginStore } from './api/plugin-context.js';
export type { ActionView, FinalView, Presenter, ProgressView } from './api/presenter.js';

// ── Transports ──────────────────────────────────────────────────────────────
export type { CommandInfo, Transport, TransportCapabilities, TransportHealth } from './api/transport.js';
export type { Clock } from './clock/clock.js';
export { SystemClock } from './clock/system-clock.js';
export { CommandButtonError } from './commands/command-button-error.js';
export * from './errors/codes.js';
// ── Errors, time, logging ───────────────────────────────────────────────────
export { FerryError, isFerryError } from './errors/ferry-error.js';
export type { Logger } from './logging/logger.js';
// ── Tools that inspect plugins ──────────────────────────────────────────────
export type { PluginProblem, PluginRecord, PluginSource, PluginStatus } from './plugins/plugin-record.js';
export { RESERVED_COMMAND_IDS } from './plugins/reserved-command-ids.js';
export { describeExit, summarizeStderr } from './process/describe-exit.js';
export type { EngineExit, EngineProcess, EngineProcessOptions } from './process/engine-process.js';
export { startEngineProcess } from './process/engine-process.js';
export { EngineSpawnError } from './process/engine-spawn-error.js';
export { type JsonObject, type ParseJsonLinesOptions, parseJsonLines } from './process/json-lines.js';
export { probeEngineVersion, type VersionProbe } from './process/probe-engine-version.js';
export { retireEngineProcess } from './process/retire-engine-process.js';
export {
  type JsonlEngineOptions,
  type JsonlEventMapper,
  type RunEnd,
  runJsonlEngine,
} from './process/run-jsonl-engine.js';
export { PlainPresenter } from './runs/plain-presenter.js';
export { splitText } from './runs/split-text.js';
export {
  CLOCK,
  COMMAND,
  ENGINE_RUNNER,
  LOGGER,
  PLUGIN_CONFIG,
  PLUGIN_CONTEXT,
  SERVICE,
  type Token,
  TRANSPORT,
} from './tokens.js';
