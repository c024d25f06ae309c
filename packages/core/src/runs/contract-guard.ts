import type { EngineEvent } from '../api/engine.js';
import { PluginContractError } from '../errors/codes.js';

const KNOWN = new Set(['started', 'action', 'approval', 'completed']);

/**
 * Enforces the engine contract (DESIGN §3) on a runner's event stream: one `started` first,
 * `action`s and `approval`s, one `completed` last. Unknown event types are dropped; a stream that ends without
 * `completed` gets one saying so; an event out of order is a contract error naming the engine.
 */
export async function* guardEngineEvents(
  engine: string,
  events: AsyncIterable<EngineEvent>,
  onViolation: (err: PluginContractError) => void,
): AsyncGenerator<EngineEvent> {
  let started = false;
  for await (const ev of events) {
    if (!ev || typeof ev !== 'object' || !KNOWN.has((ev as { type?: string }).type ?? '')) continue;
    if (ev.type === 'started') {
      if (started) {
        onViolation(new PluginContractError(`engine "${engine}" sent a second "started" event`));
        continue;
      }
      started = true;
      yield ev;
      continue;
    }
    if (!started) {
      onViolation(new PluginContractError(`engine "${engine}" sent "${ev.type}" before "started"`));
      // nothing to pair an action or an approval with yet; only `completed` still counts
      if (ev.type !== 'completed') continue;
    }
    yield ev;
    if (ev.type === 'completed') return;
  }
  const err = new PluginContractError(`engine "${engine}" ended its run without a "completed" event`);
  onViolation(err);
  yield { type: 'completed', ok: false, answer: '', error: err.message };
}
