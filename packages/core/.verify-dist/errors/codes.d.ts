import { FerryError } from './ferry-error.js';
/** A plugin broke the contract it declared (engine event order, bad return value). */
export declare class PluginContractError extends FerryError {
    readonly code = "FERRY_PLUGIN_CONTRACT";
}
/** An engine id was asked for that no loaded plugin provides. */
export declare class EngineNotFoundError extends FerryError {
    readonly code = "FERRY_ENGINE_NOT_FOUND";
}
/** A transport id was asked for that no loaded plugin provides. */
export declare class TransportNotFoundError extends FerryError {
    readonly code = "FERRY_TRANSPORT_NOT_FOUND";
}
/** A chat address string could not be parsed (`transport:chat[:thread]`). */
export declare class ChatAddressError extends FerryError {
    readonly code = "FERRY_CHAT_ADDRESS";
}
/** A run was cancelled by a user (`/cancel`) or by the host. */
export declare class RunCancelledError extends FerryError {
    readonly code = "FERRY_RUN_CANCELLED";
}
/** A run was cut off by a restart's drain deadline. */
export declare class RunInterruptedError extends FerryError {
    readonly code = "FERRY_RUN_INTERRUPTED";
}
/** A lifecycle hook did not finish before its deadline; the message names the owner. */
export declare class HookTimeoutError extends FerryError {
    readonly code = "FERRY_HOOK_TIMEOUT";
}
/** The daemon is not running for this config (status socket missing or refused). */
export declare class DaemonNotRunningError extends FerryError {
    readonly code = "FERRY_DAEMON_NOT_RUNNING";
}
/** Wrong command-line usage; the CLI exits 2. */
export declare class UsageError extends FerryError {
    readonly code = "FERRY_USAGE";
}
