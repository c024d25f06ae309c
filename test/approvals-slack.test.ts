import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, fakeSlack, pause } from './fakes/slack-e2e.js';
import type { FakeSlackServer } from './fakes/slack-server.js';
import type { StoredMessage } from './fakes/slack-workspace.js';
import { slackClaudeConfig } from './support/approval-instances.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const BOB = 'U0BOB';

async function daemon(options: { timeoutS?: number } = {}) {
  const fake = await fakeSlack();
  const { dir, config } = instanceDir(slackClaudeConfig(fake, options));
  const d = startDaemon(config);
  await d.waitForLog('ferry is ready');
  return { fake, dir, d };
}

interface BlockButton {
  readonly value: string;
  readonly text: { readonly text: string };
}

/** The buttons of a message, row by row, as Block Kit carries them. */
function buttons(m: StoredMessage): BlockButton[][] {
  return (m.blocks ?? [])
    .map((b) => ((b as { elements?: BlockButton[] }).elements ?? []).filter((e) => 'value' in e))
    .filter((row) => row.length > 0);
}

async function asked(fake: FakeSlackServer, thread: string): Promise<StoredMessage> {
  const find = () => fake.botMessages({ channel: CHANNEL, thread }).find((m) => m.text.startsWith('🔐'));
  await fake.waitFor(() => find() !== undefined, 15_000, 'the approval request');
  return find()!;
}

function click(fake: FakeSlackServer, user: string, m: StoredMessage, label: string) {
  const button = buttons(m)
    .flat()
    .find((b) => b.text.text === label);
  if (!button) throw new Error(`no button ${label}`);
  return fake.click({ user, channel: CHANNEL, ts: m.ts, value: button.value });
}

const said = (fake: FakeSlackServer, thread: string, text: string) =>
  fake.waitFor(
    () => fake.botMessages({ channel: CHANNEL, thread }).some((m) => m.text.startsWith(text)),
    15_000,
    `"${text}"`,
  );

describe('approvals on Slack through the daemon (fake claude speaking the control protocol)', () => {
  it('Allow with Block Kit buttons: the tool runs and the answer arrives; a double click is "already handled"; a user not allowed changes nothing', async () => {
    const { fake, dir, d } = await daemon();
    const m = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: fake.mention('case:control-allow create x.txt'),
    });
    const req = await asked(fake, m.ts);
    expect(req.text).toBe('🔐 claude wants to run Bash: $ touch x.txt\nCreate x.txt');
    expect(buttons(req).map((row) => row.map((b) => b.text.text))).toEqual([
      ['Allow', 'Deny'],
      ['Always allow Bash in this session'],
    ]);
    // Bob is not in allowed_user_ids: his click is dropped before the journal (no ephemeral)
    click(fake, BOB, req, 'Allow');
    await pause(500);
    expect(req.text).toBe('🔐 claude wants to run Bash: $ touch x.txt\nCreate x.txt');
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);

    // a double tap: the second click comes from a client that still shows the buttons
    const allow = buttons(req)
      .flat()
      .find((b) => b.text.text === 'Allow')!;
    const view = req.blocks;
    fake.click({ user: ALICE, channel: CHANNEL, ts: req.ts, value: allow.value, view });
    await pause(5); // a click's identity is its action_ts: two in one millisecond are one click
    fake.click({ user: ALICE, channel: CHANNEL, ts: req.ts, value: allow.value, view });
    await said(fake, m.ts, 'Done.');
    await said(fake, m.ts, '⏹ This request was already handled');
    await fake.waitFor(() => /✓ allowed by u0alice$/.test(req.text), 10_000, 'the outcome');
    expect(req.blocks).toBeUndefined();
    expect(existsSync(join(dir, 'x.txt'))).toBe(true);
    expect(
      fake.botMessages({ channel: CHANNEL, thread: m.ts }).filter((x) => x.text.startsWith('Done.')),
    ).toHaveLength(1);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('Deny tells the agent; an unanswered request is denied after timeout_s', async () => {
    const { fake, dir, d } = await daemon({ timeoutS: 5 });
    const one = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: fake.mention('case:control-allow create x.txt'),
    });
    const req = await asked(fake, one.ts);
    click(fake, ALICE, req, 'Deny');
    await said(fake, one.ts, 'Understood, I did not create x.txt.');
    await fake.waitFor(() => /✗ denied by u0alice$/.test(req.text), 10_000, 'the deny outcome');

    const two = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: fake.mention('case:control-allow create x.txt'),
    });
    const late = await asked(fake, two.ts);
    await said(fake, two.ts, 'Understood, I did not create x.txt.');
    await fake.waitFor(() => /✗ denied — no answer within 5 s$/.test(late.text), 10_000, 'the timeout');
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
