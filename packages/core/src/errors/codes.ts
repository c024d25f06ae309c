import { FerryError } from './ferry-error.js';

/*
 * Small error classes with no behaviour of their own. Each has a stable code listed in
 * docs/errors.md (a test keeps the two in step). Errors with their own fields live in the
 * folder of the service that raises them.
 */

/** A plugin broke the contract it declared (engine event order, bad return value). */
export class PluginContractError extends FerryError {
  readonly code = 'FERRY_PLUGIN_CONTRACT';
}

/** An engine id was asked for that no loaded plugin provides. */
export class EngineNotFoundError extends FerryError {
  readonly code = 'FERRY_ENGINE_NOT_FOUND';
}

/** A transport id was asked for that no loaded plugin provides. */
export class TransportNotFoundError extends FerryError {
  readonly code = 'FERRY_TRANSPORT_NOT_FOUND';
}

/** A chat address string could not be parsed (`transport:chat[:thread]`). */
export class ChatAddressError extends FerryError {
  readonly code = 'FERRY_CHAT_ADDRESS';
}

/** A run was cancelled by a user (`/cancel`) or by the host. */
export class RunCancelledError extends FerryError {
  readonly code = 'FERRY_RUN_CANCELLED';
}

/** A run was cut off by a restart's drain deadline. */
export class RunInterruptedError extends FerryError {
  readonly code = 'FERRY_RUN_INTERRUPTED';
}

/** A run was handed over to the next generation (live restore): its engine runs on. */
export class RunDetachedError extends FerryError {
  readonly code = 'FERRY_RUN_DETACHED';
}

/** A lifecycle hook did not finish before its deadline; the message names the owner. */
export class HookTimeoutError extends FerryError {
  readonly code = 'FERRY_HOOK_TIMEOUT';
}

/** The daemon is not running for this config (status socket missing or refused). */
export class DaemonNotRunningError extends FerryError {
  readonly code = 'FERRY_DAEMON_NOT_RUNNING';
}

/** Wrong command-line usage; the CLI exits 2. */
export class UsageError extends FerryError {
  readonly code = 'FERRY_USAGE';
}
