import type { Api } from 'grammy';

/** The AbortSignal type grammY's Node build declares (from its `abort-controller` shim). */
export type GrammySignal = NonNullable<Parameters<Api['raw']['getMe']>[0]>;

/**
 * grammY types its signals with an old polyfill, but only ever calls `addEventListener` on
 * them (`validateSignal` in its client), which Node's own AbortSignal has.
 */
export function grammySignal(signal: AbortSignal): GrammySignal {
  return signal as unknown as GrammySignal;
}
