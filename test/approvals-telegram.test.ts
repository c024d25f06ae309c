import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { telegramServer } from './fakes/telegram-fixture.js';
import type { FakeMessage, TelegramServer } from './fakes/telegram-server.js';
import { telegramClaudeConfig } from './support/approval-instances.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;
const STRANGER = 6666;
const GROUP = -100777;

/** A daemon with the fake claude behind the fake Telegram; runs happen in `dir` (HOME). */
async function daemon(options: { chatId?: number; timeoutS?: number } = {}) {
  const tg = await telegramServer();
  const { dir, config } = instanceDir(telegramClaudeConfig(tg, { allowedUserIds: [ADA], ...options }));
  const d = startDaemon(config);
  await d.waitForLog('ferry is ready');
  return { tg, dir, d };
}

const buttons = (m: FakeMessage | undefined) => (m?.markup ?? []).map((row) => row.map((b) => b.text));

async function asked(tg: TelegramServer, chat: number, prefix = '🔐'): Promise<FakeMessage> {
  const find = () => tg.botMessages(chat).find((m) => m.text.startsWith(prefix));
  await tg.waitFor(() => find() !== undefined, 15_000, 'the approval request');
  return find()!;
}

/** The request's message once edited to its outcome (the edit may land after the answer). */
function outcome(tg: TelegramServer, chat: number, req: FakeMessage, pattern: RegExp) {
  return tg.waitFor(() => pattern.test(tg.message(chat, req.message_id)!.text), 10_000, `outcome ${pattern}`);
}

function answerTo(tg: TelegramServer, chat: number, msg: FakeMessage, text: string) {
  return tg.waitFor(
    () => tg.repliesTo(chat, msg.message_id).some((m) => m.text.startsWith(text)),
    15_000,
    `the answer "${text}"`,
  );
}

describe('approvals on Telegram through the daemon (fake claude speaking the control protocol)', () => {
  it('Allow: inline buttons, the tool runs, the answer arrives; a double tap is "already handled"', async () => {
    const { tg, dir, d } = await daemon();
    const msg = tg.userSends(ADA, ADA, 'case:control-allow create x.txt');
    const req = await asked(tg, ADA);
    expect(req.text).toBe('🔐 claude wants to run Bash: $ touch x.txt\nCreate x.txt');
    expect(buttons(req)).toEqual([['Allow', 'Deny'], ['Always allow Bash in this session']]);
    expect(req.markup![0]![0]!.callback_data).toMatch(/^approve:\d+:1:allow$/);
    // two taps before the keyboard goes away: the second one must not answer again
    tg.pressButton(ADA, req.message_id, ADA, 'Allow');
    tg.pressButton(ADA, req.message_id, ADA, 'Allow');
    await answerTo(tg, ADA, msg, 'Done.');
    await tg.waitFor(
      () => tg.botMessages(ADA).some((m) => m.text.includes('already handled')),
      10_000,
      '"already handled"',
    );
    await outcome(tg, ADA, req, /✓ allowed by User4242$/);
    expect(tg.message(ADA, req.message_id)!.text).toBe(
      '🔐 claude wants to run Bash: $ touch x.txt\n✓ allowed by User4242',
    );
    expect(tg.message(ADA, req.message_id)!.markup).toBeUndefined();
    expect(existsSync(join(dir, 'x.txt'))).toBe(true);
    expect(tg.repliesTo(ADA, msg.message_id).filter((m) => m.text.startsWith('Done.'))).toHaveLength(1);
    expect(tg.calls('answerCallbackQuery')).toHaveLength(2);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('Deny: the agent is told and the tool does not run', async () => {
    const { tg, dir, d } = await daemon();
    const msg = tg.userSends(ADA, ADA, 'case:control-allow create x.txt');
    const req = await asked(tg, ADA);
    tg.pressButton(ADA, req.message_id, ADA, 'Deny');
    await answerTo(tg, ADA, msg, 'Understood, I did not create x.txt.');
    await outcome(tg, ADA, req, /\n✗ denied by User4242$/);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('nobody answers: denied after [approvals] timeout_s, and the agent is told', async () => {
    const { tg, dir, d } = await daemon({ timeoutS: 5 });
    const msg = tg.userSends(ADA, ADA, 'case:control-allow create x.txt');
    const req = await asked(tg, ADA);
    await answerTo(tg, ADA, msg, 'Understood, I did not create x.txt.');
    await outcome(tg, ADA, req, /\n✗ denied — no answer within 5 s$/);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('in a group, a tap by a user who may not answer gets a toast and changes nothing', async () => {
    const { tg, dir, d } = await daemon({ chatId: GROUP });
    tg.group(GROUP);
    const msg = tg.userSends(GROUP, ADA, 'case:control-allow create x.txt');
    const req = await asked(tg, GROUP);
    const refused = tg.pressButton(GROUP, req.message_id, STRANGER, 'Allow');
    await tg.waitFor(() => !!tg.callbackQuery(refused)?.answered, 10_000, 'the toast');
    expect(tg.callbackQuery(refused)!.answered!.text).toBe('⛔ Only allowed users can answer this request.');
    expect(tg.message(GROUP, req.message_id)!.text).toBe(
      '🔐 claude wants to run Bash: $ touch x.txt\nCreate x.txt',
    );
    expect(buttons(tg.message(GROUP, req.message_id))[0]).toEqual(['Allow', 'Deny']);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
    tg.pressButton(GROUP, req.message_id, ADA, 'Allow');
    await answerTo(tg, GROUP, msg, 'Done.');
    await outcome(tg, GROUP, req, /✓ allowed by User4242$/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('a question answered in text: the next message of that user is the answer, not a new run', async () => {
    const { tg, d } = await daemon();
    const msg = tg.userSends(ADA, ADA, 'case:control-ask pick a library');
    const q = await asked(tg, ADA, '❓');
    expect(q.text).toBe(
      '❓ claude asks: Which date library should we use?\n• date-fns: Small, functional\n• luxon: Time zones built in',
    );
    expect(buttons(q)).toEqual([['date-fns'], ['luxon'], ['✍️ Answer in text']]);
    tg.pressButton(ADA, q.message_id, ADA, '✍️ Answer in text');
    await tg.waitFor(() => tg.message(ADA, q.message_id)!.text.includes('send your answer'), 10_000, 'armed');
    const typed = tg.userSends(ADA, ADA, 'whichever is smaller');
    await answerTo(tg, ADA, msg, "We'll use date-fns.");
    await outcome(tg, ADA, q, /\n✓ whichever is smaller — answered by User4242$/);
    // the typed answer got no progress message and no answer of its own
    expect(tg.repliesTo(ADA, typed.message_id)).toHaveLength(0);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
