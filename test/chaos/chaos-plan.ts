import { Prng } from './prng.js';

/*
 * The seeded plan of a chaos run: 20 chats across both platforms, what each user sends when,
 * and which fault strikes when. Everything random in a run is drawn here, from one seed.
 */

export type ChatKind = 'tg-private' | 'tg-general' | 'tg-topic' | 'tg-group' | 'slack-thread' | 'slack-dm';

export interface ChatSpec {
  /** Stable name in reports, e.g. `tg-topic-2`, `slack-thread-C0FERRY-3`. */
  readonly name: string;
  readonly kind: ChatKind;
  readonly platform: 'telegram' | 'slack';
}

/** What a message asks of the demo engine (its prompt hooks), or of the command parser. */
export type Hook = 'plain' | 'sleep' | 'fail' | 'crash' | 'noise' | 'unknown-command';

export interface PlannedMessage {
  readonly index: number;
  /** Unique, quoted back by the demo's answer: `m0042z`. */
  readonly tag: string;
  readonly chat: string;
  readonly hook: Hook;
  readonly text: string;
  /** Send time, ms after the chaos phase starts. */
  readonly atMs: number;
  /** Slack channel threads: mention the bot even though the thread is known. */
  readonly mention: boolean;
}

export type FaultKind =
  | 'sigkill'
  | 'sigterm'
  | 'config-hot'
  | 'config-restart'
  | 'config-invalid'
  | 'telegram-429'
  | 'telegram-5xx'
  | 'telegram-drop'
  | 'slack-429'
  | 'slack-5xx'
  | 'slack-drop';

export interface PlannedFault {
  readonly kind: FaultKind;
  readonly atMs: number;
  /** A seeded number the injector turns into details (delay, count, which invalid edit). */
  readonly variant: number;
}

export interface ChaosSize {
  readonly messages: number;
  readonly faults: number;
  /** Users keep sending for this long; faults fall inside it. */
  readonly sendWindowMs: number;
}

export const CHAOS_SIZES = {
  full: { messages: 1000, faults: 24, sendWindowMs: 150_000 },
  short: { messages: 150, faults: 6, sendWindowMs: 35_000 },
} as const satisfies Record<string, ChaosSize>;

export interface ChaosPlan {
  readonly seed: number;
  readonly size: ChaosSize;
  readonly chats: readonly ChatSpec[];
  /** The first message of every Slack channel thread: a mention, sent and answered before the chaos. */
  readonly openers: readonly PlannedMessage[];
  readonly messages: readonly PlannedMessage[];
  readonly faults: readonly PlannedFault[];
}

export const SLACK_CHANNELS = ['C0FERRY', 'C0SECOND'] as const;

/** 10 Telegram chats (private, forum General, topics, a plain group) and 10 Slack ones (threads, DMs). */
export function chaosChats(): ChatSpec[] {
  const tg = (name: string, kind: ChatKind): ChatSpec => ({ name, kind, platform: 'telegram' });
  const sl = (name: string, kind: ChatKind): ChatSpec => ({ name, kind, platform: 'slack' });
  return [
    ...[1, 2, 3, 4].map((i) => tg(`tg-private-${i}`, 'tg-private')),
    tg('tg-general', 'tg-general'),
    ...[1, 2, 3, 4].map((i) => tg(`tg-topic-${i}`, 'tg-topic')),
    tg('tg-group', 'tg-group'),
    ...[1, 2, 3, 4, 5].map((i) => sl(`slack-thread-C0FERRY-${i}`, 'slack-thread')),
    ...[1, 2].map((i) => sl(`slack-thread-C0SECOND-${i}`, 'slack-thread')),
    ...[1, 2, 3].map((i) => sl(`slack-dm-${i}`, 'slack-dm')),
  ];
}

/**
 * Fault kinds in the order a small run takes them: the process-level ones first (they are
 * what the guarantees are about), then every platform fault, then more of the heavy ones.
 */
const PRIORITY: readonly FaultKind[] = [
  'sigkill',
  'sigterm',
  'config-restart',
  'config-invalid',
  'telegram-5xx',
  'slack-drop',
  'telegram-429',
  'slack-429',
  'telegram-drop',
  'slack-5xx',
  'config-hot',
];
const EXTRA: readonly FaultKind[] = [
  'sigkill',
  'sigkill',
  'sigterm',
  'sigterm',
  'config-restart',
  'config-invalid',
  'config-hot',
];

const WORDS = ['ferry', 'river', 'harbour', 'rope', 'deck', 'tide', 'lantern', 'crossing', 'ticket', 'wake'];
const SPICE = [
  '🚢',
  'שלום',
  'مرحبا',
  '漢字',
  'e\u0301',
  'zero\u200bwidth',
  '«quoted»',
  'Ωmega',
  '🏳️‍🌈',
  'naïve',
];

export function chaosPlan(seed: number, size: ChaosSize): ChaosPlan {
  const rng = new Prng(seed);
  const chats = chaosChats();
  const threads = chats.filter((c) => c.kind === 'slack-thread');
  const openers = threads.map((c, i) => message(rng, i, c, 'plain', 0, true));
  const weights = chats.map(() => 0.5 + rng.next()); // some chats busier than others
  const total = weights.reduce((a, b) => a + b, 0);
  const bursts = Array.from({ length: 8 }, () => rng.int(0, size.sendWindowMs));
  const messages: PlannedMessage[] = [];
  for (let i = openers.length; i < size.messages; i++) {
    const chat = weighted(chats, weights, rng.next() * total);
    const at = rng.chance(0.35)
      ? Math.min(size.sendWindowMs, rng.pick(bursts) + rng.int(0, 600))
      : rng.int(0, size.sendWindowMs);
    messages.push(
      message(rng, i, chat, hookFor(rng, chat), at, chat.kind === 'slack-thread' && rng.chance(0.3)),
    );
  }
  messages.sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  return { seed, size, chats, openers, messages, faults: faults(rng, size) };
}

/** The item whose share of the cumulative weights `point` falls into. */
function weighted<T>(items: readonly T[], weights: readonly number[], point: number): T {
  let left = point;
  for (const [i, w] of weights.entries()) {
    left -= w;
    if (left < 0) return items[i]!;
  }
  return items.at(-1)!;
}

function hookFor(rng: Prng, chat: ChatSpec): Hook {
  const r = rng.next();
  if (r < 0.08) return 'sleep';
  if (r < 0.12) return 'fail';
  if (r < 0.16) return 'crash';
  if (r < 0.19) return 'noise';
  // Slack turns a leading `/` into a slash command of its own; commands are Telegram's here
  if (r < 0.22 && chat.platform === 'telegram') return 'unknown-command';
  return 'plain';
}

function message(
  rng: Prng,
  index: number,
  chat: ChatSpec,
  hook: Hook,
  atMs: number,
  mention: boolean,
): PlannedMessage {
  const tag = `m${String(index).padStart(4, '0')}z`;
  const words = Array.from({ length: rng.int(2, 8) }, () => rng.pick(rng.chance(0.2) ? SPICE : WORDS));
  const body = `${tag} ${words.join(' ')}`;
  const text =
    hook === 'sleep'
      ? `${body}\nsleep ${rng.pick(['0.5', '1', '1.5', '2', '3'])}`
      : hook === 'unknown-command'
        ? `/nope_${index} ${body}`
        : hook === 'plain'
          ? body
          : `${body}\n${hook}`;
  return { index, tag, chat: chat.name, hook, text, atMs, mention };
}

function faults(rng: Prng, size: ChaosSize): PlannedFault[] {
  const kinds = [...PRIORITY.slice(0, size.faults)];
  while (kinds.length < size.faults) kinds.push(rng.pick(EXTRA));
  // spread over 5–90 % of the window, never closer than half an even share, so each can settle
  const span = size.sendWindowMs * 0.85;
  const slot = span / size.faults;
  return rng.shuffle(kinds).map((kind, i) => ({
    kind,
    atMs: Math.round(size.sendWindowMs * 0.05 + slot * i + rng.next() * slot * 0.5),
    variant: rng.int(0, 1_000_000),
  }));
}
