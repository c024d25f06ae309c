import type { BotMessage, LoopchatServer, UserMessage } from '../fakes/loopchat-server.mjs';

export const RESENT = '(re-sent after a restart)';

/** What the bot said in reply to one message, sorted into what counts as its answer. */
export function outcome(chat: LoopchatServer, msg: UserMessage) {
  const replies = chat.repliesTo(msg.id);
  const answers = replies.filter((m) => m.text.includes('— demo') && !m.text.includes(RESENT));
  const resent = replies.filter((m) => m.text.includes(RESENT));
  const notices = replies.filter((m) =>
    /^⚠️ Your demo run was interrupted|^⏭ skipped|^⚠️ I could not process/.test(m.text),
  );
  return {
    answers,
    resent,
    notices,
    final: answers.length + notices.length + (answers.length === 0 ? resent.length : 0),
  };
}

export function describeReplies(replies: readonly BotMessage[]): string {
  return replies.map((r) => `  ${JSON.stringify(r.text.slice(0, 80))}`).join('\n');
}
