import { describe, expect, it } from 'vitest';
import type { UserMessage } from './fakes/loopchat-server.mjs';
import { describeReplies, outcome } from './support/answers.js';
import { type Daemon, instanceDir, startDaemon } from './support/daemon.js';
import { loopchat, loopchatConfig } from './support/loopchat.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('exactly once across crashes', () => {
  it('answers 200 messages sent in bursts exactly once while the daemon is SIGKILLed 5 times (no live restore)', async () => {
    const chat = await loopchat();
    // live restore would let the runs outlive the crashes; this proves the fallback: cut runs get a reason
    const { config } = instanceDir(loopchatConfig(chat, '[restart]\nlive_restore = false\n'));
    let daemon: Daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    const sent: UserMessage[] = [];
    const chats = Array.from({ length: 10 }, (_, i) => `c${i}`);
    for (let burst = 0; burst < 10; burst++) {
      for (let i = 0; i < 20; i++) sent.push(chat.say(chats[i % chats.length]!, `message ${burst}-${i}`));
      await sleep(150);
      if (burst % 2 === 1) {
        // a crash: no drain, no goodbye
        daemon.proc.kill('SIGKILL');
        await daemon.exit;
        daemon = startDaemon(config);
        await daemon.waitForLog('ferry is ready');
      }
    }
    await chat.waitFor(
      () => sent.every((m) => outcome(chat, m).final >= 1),
      90_000,
      'every message answered',
    );
    await sleep(500); // anything sent twice would show up now
    // the crashes really cut runs (else this proves little): those got a reason instead of an answer
    expect(sent.filter((m) => outcome(chat, m).notices.length > 0).length).toBeGreaterThan(0);
    const wrong = sent
      .map((m) => ({ m, o: outcome(chat, m) }))
      .filter(({ o }) => o.final !== 1 || o.answers.length + o.resent.length > 2 || o.notices.length > 1);
    expect(wrong.map(({ m }) => `${m.id} ${m.text}:\n${describeReplies(chat.repliesTo(m.id))}`)).toEqual([]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  }, 150_000);

  it('with live restore, runs outlive 3 SIGKILLs: 80 messages answered exactly once, runs re-attached', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat).replace('delay_ms = 5', 'delay_ms = 150'));
    const daemons: Daemon[] = [startDaemon(config)];
    await daemons[0]!.waitForLog('ferry is ready');
    const sent: UserMessage[] = [];
    const chats = Array.from({ length: 8 }, (_, i) => `c${i}`);
    for (let burst = 0; burst < 8; burst++) {
      for (let i = 0; i < 10; i++) sent.push(chat.say(chats[i % chats.length]!, `message ${burst}-${i}`));
      await sleep(300);
      if (burst % 2 === 1 && burst < 7) {
        const daemon = daemons.at(-1)!;
        daemon.proc.kill('SIGKILL');
        await daemon.exit;
        daemons.push(startDaemon(config));
        await daemons.at(-1)!.waitForLog('ferry is ready');
      }
    }
    await chat.waitFor(
      () => sent.every((m) => outcome(chat, m).final >= 1),
      90_000,
      'every message answered',
    );
    await sleep(500);
    const wrong = sent
      .map((m) => ({ m, o: outcome(chat, m) }))
      .filter(({ o }) => o.final !== 1 || o.answers.length + o.resent.length > 2);
    expect(wrong.map(({ m }) => `${m.id} ${m.text}:\n${describeReplies(chat.repliesTo(m.id))}`)).toEqual([]);
    const reattached = daemons
      .flatMap((d) => d.logs())
      .filter((l) => /re-attached to a run/.test(String(l.msg)));
    expect(reattached.length).toBeGreaterThan(0);
    daemons.at(-1)!.proc.kill('SIGTERM');
    expect((await daemons.at(-1)!.exit).code).toBe(0);
  }, 150_000);

  it('loses nothing it acknowledged when killed right after journaling a batch', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat));
    let daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    let killedAt = 0;
    chat.onConfirm = (confirmed) => {
      if (killedAt === 0 && confirmed > 1) {
        killedAt = confirmed;
        daemon.proc.kill('SIGKILL');
      }
    };
    const sent = Array.from({ length: 50 }, (_, i) => chat.say(`c${i % 5}`, `burst ${i}`));
    await daemon.exit;
    expect(killedAt).toBeGreaterThan(1);
    chat.onConfirm = undefined;
    daemon = startDaemon(config);
    await chat.waitFor(
      () => sent.every((m) => outcome(chat, m).final >= 1),
      60_000,
      'every message answered',
    );
    for (const m of sent) expect(outcome(chat, m).final).toBe(1);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  }, 90_000);
});
