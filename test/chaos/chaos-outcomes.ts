import { type BotTextKind, classifyBotText, FAILED_ANSWER, FINAL_KINDS, NOTICE_KINDS } from './bot-text.js';
import type { ChaosWorld, SentMessage } from './chaos-world.js';

export type Verdict = 'answered' | 'told' | 'lost' | 'doubled';

export interface MessageOutcome {
  readonly message: SentMessage;
  readonly verdict: Verdict;
  /** The final kinds attributed to it (Telegram: replies; Slack: quoted answers, or by count). */
  readonly finals: BotTextKind[];
  /** Marked re-sends of its answer (allowed: never silent). */
  readonly resent: number;
  /** When its first final reached the platform (epoch ms). */
  readonly settledAt?: number;
  readonly detail?: string;
}

export interface Outcomes {
  readonly messages: MessageOutcome[];
  /** Bot texts nobody expected, for the report (not violations by themselves). */
  readonly unclassified: string[];
  /** Slack sessions whose unquoted finals did not match their unquoted messages. */
  readonly sessionProblems: string[];
}

/**
 * Reads every message's fate off the platforms. Telegram: the bot's replies to the message.
 * Slack has no reply-to: a thread or DM is one session, so a quoted answer (the demo quotes
 * the prompt, and every prompt carries a unique tag) settles its message directly, and the
 * unquoted finals of a session (failed runs, notices) must match its unsettled messages by
 * count and kind — fewer is a loss, more is a double.
 */
export function collectOutcomes(world: ChaosWorld, sent: readonly SentMessage[]): Outcomes {
  const unclassified: string[] = [];
  const out: MessageOutcome[] = [];
  const sessions = new Map<string, SentMessage[]>();
  for (const m of sent) {
    if (m.ref.platform === 'telegram') {
      const replies = world
        .telegramReplies(m.ref)
        .map((r) => ({ at: r.at, kind: classifyBotText(r.text), text: r.text }));
      for (const r of replies)
        if (r.kind === 'other') unclassified.push(`${m.chat.name}: ${r.text.slice(0, 100)}`);
      const finals = replies.filter((r) => FINAL_KINDS.has(r.kind));
      out.push(
        judge(
          m,
          finals.map((r) => r.kind),
          finals[0]?.at,
        ),
      );
    } else {
      const key = `${m.ref.channel}:${m.ref.thread ?? ''}`;
      sessions.set(key, [...(sessions.get(key) ?? []), m]);
    }
  }
  const sessionProblems: string[] = [];
  for (const [key, msgs] of sessions) {
    const [channel, thread] = key.split(':') as [string, string];
    out.push(...slackSession(world, channel, thread || undefined, msgs, unclassified, sessionProblems));
  }
  return { messages: out, unclassified, sessionProblems };
}

function judge(
  m: SentMessage,
  finals: BotTextKind[],
  settledAt: number | undefined,
  detail?: string,
): MessageOutcome {
  const answers = finals.filter((k) => k === 'answer').length;
  const resent = finals.filter((k) => k === 'resent').length;
  const notices = finals.filter((k) => NOTICE_KINDS.has(k)).length;
  let verdict: Verdict;
  if (answers + resent + notices === 0) verdict = 'lost';
  else if (answers > 1 || notices > 1 || (notices > 0 && answers + resent > 0)) verdict = 'doubled';
  else verdict = notices === 1 ? 'told' : 'answered';
  return {
    message: m,
    verdict,
    finals,
    resent,
    ...(settledAt !== undefined ? { settledAt } : {}),
    ...(detail ? { detail } : {}),
  };
}

function slackSession(
  world: ChaosWorld,
  channel: string,
  thread: string | undefined,
  msgs: SentMessage[],
  unclassified: string[],
  problems: string[],
): MessageOutcome[] {
  const bot = world
    .slackSession(channel, thread)
    .map((b) => ({ text: b.text, kind: classifyBotText(b.text), at: tsMs(b.ts) }));
  for (const b of bot)
    if (b.kind === 'other') unclassified.push(`slack ${channel}/${thread ?? '-'}: ${b.text.slice(0, 100)}`);
  const finals = bot.filter((b) => FINAL_KINDS.has(b.kind));
  const quoted = new Map<SentMessage, (typeof finals)[number][]>();
  const unquoted: (typeof finals)[number][] = [];
  for (const f of finals) {
    const owner = msgs.find((m) => f.text.includes(m.plan.tag));
    if (owner) quoted.set(owner, [...(quoted.get(owner) ?? []), f]);
    else unquoted.push(f);
  }
  const rest = msgs.filter((m) => !quoted.has(m));
  const out = msgs
    .filter((m) => quoted.has(m))
    .map((m) =>
      judge(
        m,
        quoted.get(m)!.map((f) => f.kind),
        quoted.get(m)![0]!.at,
      ),
    );
  // unquoted finals: a `fail` prompt's answer, a crashed run's error, a notice; match by kind
  const failAnswers = unquoted.filter((f) => f.kind !== 'resent' && FAILED_ANSWER.test(f.text));
  const errorAnswers = unquoted.filter(
    (f) => (f.kind === 'answer' || f.kind === 'resent') && !FAILED_ANSWER.test(f.text),
  );
  const notices = unquoted.filter((f) => NOTICE_KINDS.has(f.kind));
  const pool = [...rest];
  const take = (ok: (m: SentMessage) => boolean) => {
    const i = pool.findIndex(ok);
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  };
  const where = `slack ${channel}/${thread ?? 'DM'}`;
  const surplus: string[] = [];
  for (const f of failAnswers) {
    const m = take((x) => x.plan.hook === 'fail');
    if (m) out.push(judge(m, [f.kind], f.at, 'by count: failed-run answer'));
    else surplus.push(`a "fail" answer no unsettled "fail" message can own`);
  }
  for (const f of errorAnswers) {
    // a crashed run answers with its error; any message's run can fail that way
    const m =
      take((x) => x.plan.hook === 'crash' && x.sentAt <= f.at) ??
      take((x) => x.sentAt <= f.at) ??
      take(() => true);
    if (m) out.push(judge(m, [f.kind], f.at, `by count: error answer "${f.text.slice(0, 60)}"`));
    else surplus.push(`an unquoted answer "${f.text.slice(0, 60)}"`);
  }
  for (const f of notices) {
    // the oldest unsettled message sent before the notice: its latency is then at least plausible
    const m = take((x) => x.sentAt <= f.at) ?? take(() => true);
    if (m) out.push(judge(m, [f.kind], f.at, `by count: ${f.kind} notice`));
    else surplus.push(`a ${f.kind} notice`);
  }
  for (const m of pool) out.push(judge(m, [], undefined));
  if (surplus.length > 0) problems.push(`${where}: more finals than messages — ${surplus.join('; ')}`);
  return out;
}

/** True once every message has at least one final (the driver waits for this). */
export function allSettled(o: Outcomes): boolean {
  return o.messages.every((m) => m.verdict !== 'lost');
}

/** Slack's `ts` is the post time in seconds with microseconds. */
function tsMs(ts: string): number {
  return Math.round(Number(ts) * 1000);
}
