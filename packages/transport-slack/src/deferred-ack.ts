import type { App, ReceiverEvent } from '@slack/bolt';

/**
 * Runs one inbound Slack request through Bolt with an `ack` that only records: Bolt acks
 * events before its listeners run, but Slack must hear the ack only after the listeners —
 * which journal the event — have finished (STYLE rule 10). Resolves with the recorded ack
 * payload when every listener succeeded; rejects (nothing to ack, Slack redelivers) when
 * one failed.
 */
export async function processBeforeAck(
  app: App,
  body: Record<string, unknown>,
  retry: { readonly num?: number; readonly reason?: string },
): Promise<unknown> {
  let acked = false;
  let response: unknown;
  const event: ReceiverEvent = {
    body,
    ...(retry.num === undefined ? {} : { retryNum: retry.num }),
    ...(retry.reason ? { retryReason: retry.reason } : {}),
    ack: async (payload?: unknown) => {
      // the first answer wins, as on Slack's side
      if (acked) return;
      acked = true;
      response = payload;
    },
  };
  await app.processEvent(event);
  return response;
}
