import type { BotTextKind } from './bot-text.js';
import { classifyBotText } from './bot-text.js';
import type { Outcomes } from './chaos-outcomes.js';
import { type ChaosWorld, refKey, type SentMessage } from './chaos-world.js';
import type { JournalReport } from './journal-check.js';

const TOLD_INTERRUPTED: ReadonlySet<BotTextKind> = new Set(['interrupted', 'command-interrupted']);

/**
 * The checks that join the platforms' view with the journal's: every message the journal says
 * was cut got told so (per message on Telegram, per session on Slack, which has no reply-to),
 * and every chat whose run a drain cut saw the drain's "restarting" notice first.
 */
export function interruptedChecks(world: ChaosWorld, outcomes: Outcomes, journal: JournalReport): string[] {
  const violations: string[] = [];
  const byKey = new Map(outcomes.messages.map((o) => [refKey(o.message.ref), o]));
  const slackCut = new Map<string, { session: string; n: number }>();
  for (const cut of journal.interrupted) {
    const o = byKey.get(cut.key);
    if (!o) continue;
    const m = o.message;
    if (m.ref.platform === 'telegram') {
      if (!o.finals.some((k) => TOLD_INTERRUPTED.has(k)))
        violations.push(
          `${m.plan.tag} (${m.chat.name}): journal says "${cut.why}" but the chat got no interrupted notice`,
        );
    } else {
      const session = `${m.ref.channel}:${m.ref.thread ?? ''}`;
      const s = slackCut.get(session) ?? { session: m.chat.name, n: 0 };
      s.n++;
      slackCut.set(session, s);
    }
    if (cut.why === 'interrupted by restart' && !sessionTexts(world, m).some((k) => k === 'drain'))
      violations.push(
        `${m.plan.tag} (${m.chat.name}): its run was cut by a drain, but the chat never saw a "restarting" notice`,
      );
  }
  for (const [key, s] of slackCut) {
    const [channel, thread] = key.split(':') as [string, string];
    const told = world
      .slackSession(channel, thread || undefined)
      .filter((b) => TOLD_INTERRUPTED.has(classifyBotText(b.text))).length;
    if (told < s.n)
      violations.push(`${s.session}: ${s.n} run(s) cut per the journal, only ${told} interrupted notice(s)`);
  }
  return violations;
}

/** Kinds of every bot message in the session (chat, topic or thread) a message belongs to. */
function sessionTexts(world: ChaosWorld, m: SentMessage): BotTextKind[] {
  if (m.ref.platform === 'slack')
    return world.slackSession(m.ref.channel, m.ref.thread).map((b) => classifyBotText(b.text));
  const sent = world.telegram.message(m.ref.chatId, m.ref.messageId);
  return world.telegram
    .botMessages(m.ref.chatId)
    .filter((b) => b.threadId === sent?.threadId)
    .map((b) => classifyBotText(b.text));
}

/** Violations from the per-message outcomes: lost and doubled messages, said precisely. */
export function outcomeViolations(outcomes: Outcomes): string[] {
  const v: string[] = [];
  for (const o of outcomes.messages) {
    if (o.verdict !== 'lost' && o.verdict !== 'doubled') continue;
    const m = o.message;
    const where =
      m.ref.platform === 'telegram'
        ? `telegram chat ${m.ref.chatId} message ${m.ref.messageId}`
        : `slack ${m.ref.channel} ts ${m.ref.ts}`;
    v.push(
      `${o.verdict.toUpperCase()}: ${m.plan.tag} (${m.chat.name}, ${where}, hook ${m.plan.hook}) finals [${o.finals.join(', ')}]${o.detail ? ` ${o.detail}` : ''}`,
    );
  }
  for (const p of outcomes.sessionProblems) v.push(`DOUBLED: ${p}`);
  return v;
}
