import type { EngineEvent } from '../api/engine.js';
import { PluginContractError } from '../errors/codes.js';
/**
 * Enforces the engine contract (DESIGN §3) on a runner's event stream: one `started` first,
 * `action`s, one `completed` last. Unknown event types are dropped; a stream that ends without
 * `completed` gets one saying so; an event out of order is a contract error naming the engine.
 */
export declare function guardEngineEvents(engine: string, events: AsyncIterable<EngineEvent>, onViolation: (err: PluginContractError) => void): AsyncGenerator<EngineEvent>;
