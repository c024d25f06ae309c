import { PluginContractError } from '../errors/codes.js';
const KNOWN = new Set(['started', 'action', 'completed']);
/**
 * Enforces the engine contract (DESIGN §3) on a runner's event stream: one `started` first,
 * `action`s, one `completed` last. Unknown event types are dropped; a stream that ends without
 * `completed` gets one saying so; an event out of order is a contract error naming the engine.
 */
export async function* guardEngineEvents(engine, events, onViolation) {
    let started = false;
    for await (const ev of events) {
        if (!ev || typeof ev !== 'object' || !KNOWN.has(ev.type ?? ''))
            continue;
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
            if (ev.type === 'action')
                continue;
        }
        yield ev;
        if (ev.type === 'completed')
            return;
    }
    const err = new PluginContractError(`engine "${engine}" ended its run without a "completed" event`);
    onViolation(err);
    yield { type: 'completed', ok: false, answer: '', error: err.message };
}
//# sourceMappingURL=contract-guard.js.map