/*
 * What one bot message is, read from its text (the wording tests may rely on, DESIGN §10).
 * Finals settle a message: an answer (it carries the engine footer), a re-sent answer
 * (marked), or a notice that gives the reason there is no answer. Everything else — progress,
 * "restarting" notes, drain countdowns, admin notes — accompanies a message without settling it.
 */

export const RESENT = '(re-sent after a restart)';

export type BotTextKind =
  | 'answer'
  | 'resent'
  | 'interrupted'
  | 'skipped'
  | 'dead'
  | 'command-interrupted'
  | 'unknown-command'
  | 'progress'
  | 'restarting'
  | 'drain'
  | 'admin'
  | 'other';

export const FINAL_KINDS: ReadonlySet<BotTextKind> = new Set([
  'answer',
  'resent',
  'interrupted',
  'skipped',
  'dead',
  'command-interrupted',
  'unknown-command',
]);

/** Kinds that say why a message got no answer. */
export const NOTICE_KINDS: ReadonlySet<BotTextKind> = new Set([
  'interrupted',
  'skipped',
  'dead',
  'command-interrupted',
  'unknown-command',
]);

const RULES: readonly [BotTextKind, RegExp][] = [
  ['resent', /\(re-sent after a restart\)/],
  ['answer', /— demo\b/],
  ['interrupted', /^⚠️ Your \w+ run was interrupted/],
  ['skipped', /^⏭ skipped: too old/],
  ['dead', /^⚠️ I could not process this message/],
  ['command-interrupted', /^⚠️ \/\S+ was interrupted by a restart/],
  ['unknown-command', /^Unknown command \//],
  ['restarting', /I’ll pick this up after the restart/],
  ['drain', /^🔄 restarting (—|now)|^⚠️ restarting — \d+ run\(s\) interrupted/],
  ['admin', /ferry\.toml edit rejected|^⚙️ Config reloaded|^🔄 restarting to apply|^⚙️ ferry\.toml changed/],
  ['progress', /^(⚙️ working|⏳ queued|✓ done|✗ failed|⏹|⚠️ interrupted by)/],
];

export function classifyBotText(raw: string): BotTextKind {
  // Slack's presenter writes the warning sign as an emoji code
  const text = raw.replace(/^:warning: /, '⚠️ ').replace(/^_|_$/g, '');
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return 'other';
}

/** The demo engine's answer to a `fail` prompt, and the error a `crash` prompt ends in. */
export const FAILED_ANSWER = /Demo failure requested/;
