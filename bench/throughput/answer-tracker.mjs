// Matches answers to the messages a bench sent, off the Telegram fake's request log.
/**
 * Answers arriving from now on, read incrementally off the fake's request log (a scan of every
 * chat per check would make the bench, not the daemon, the bottleneck): `expect` registers a
 * sent message, `poll` matches the new answers and returns how many are still unanswered.
 */
export function answerTracker(tg) {
  let cursor = tg.requests.length;
  const sentAt = new Map();
  const latencies = [];
  let last = 0;
  return {
    expect: (m) => sentAt.set(`${m.chat.id}:${m.message_id}`, m.at),
    poll() {
      for (; cursor < tg.requests.length; cursor++) {
        const r = tg.requests[cursor];
        if (
          r.status !== 200 ||
          r.method.toLowerCase() !== 'sendmessage' ||
          !String(r.params.text).includes('— claude')
        )
          continue;
        const key = `${r.params.chat_id}:${r.params.reply_parameters?.message_id}`;
        const at = sentAt.get(key);
        if (at === undefined) continue;
        sentAt.delete(key);
        latencies.push(r.at - at);
        last = Math.max(last, r.at);
      }
      return sentAt.size;
    },
    result: () => ({ latencies, last }),
  };
}
