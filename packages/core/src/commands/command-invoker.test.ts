import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import type { CallbackContext, Command, CommandContext, EngineAnswer } from '../api/command.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

/*
 * Commands and their buttons through the real dispatcher, journal (SQLite in a temp dir),
 * run service and a memory transport: the same path a chat message takes in the daemon.
 */

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    // a handler may still be finishing after what the test waited for: let it, then close the db
    await vi.waitFor(() => expect(h.dispatcher.inFlight).toBe(0));
    h.destroy();
  }
});

async function harness(answer = 'the answer') {
  const runner = new ScriptedRunner((req) => simpleScript(`${answer}: ${req.prompt}`, `tok-${req.prompt}`));
  const h = await buildHarness({ engines: { test: runner }, config: { default_cwd: '/tmp' } });
  harnesses.push(h);
  await h.startup();
  return { h, runner };
}

/** A plugin-style command that records what it saw. */
function panel(seen: { ctx?: CommandContext; press?: CallbackContext }): Command {
  return {
    id: 'panel',
    description: 'a panel with buttons',
    async handle(ctx) {
      seen.ctx = ctx;
      await ctx.reply('panel: home', { buttons: [[{ text: 'Next', payload: 'page:2' }]] });
      return undefined;
    },
    async onCallback(ctx) {
      seen.press = ctx;
      await ctx.edit(ctx.message, `panel: ${ctx.payload}`, {
        buttons: [[{ text: 'Back', payload: 'home' }]],
      });
      return undefined;
    },
  };
}

describe('commands through the dispatcher', () => {
  it('a command replies with buttons whose presses come back to it, and edits its message in place', async () => {
    const { h } = await harness();
    const seen: { ctx?: CommandContext; press?: CallbackContext } = {};
    h.commands.add(panel(seen), 'ferry-command-panel');

    const asked = await h.transport.receive('/panel now', { sender: { id: 'u7', name: 'ada' } });
    await h.transport.waitFor((t) => t.texts().includes('panel: home'));
    const msg = h.transport.messages.find((m) => m.text === 'panel: home')!;
    expect(msg.replyTo).toEqual(asked.messageRef);
    expect(msg.buttons).toEqual([[{ text: 'Next', data: 'cmd:panel:page:2' }]]);
    expect(seen.ctx).toMatchObject({
      name: 'panel',
      args: 'now',
      cwd: '/tmp',
      engine: 'test',
      sender: { id: 'u7' },
    });
    expect(seen.ctx!.capabilities.buttons).toBe(true);

    await h.transport.press(msg.ref, 'Next', { sender: { id: 'u8', name: 'bob' } });
    await h.transport.waitFor(() => msg.text === 'panel: page:2');
    expect(msg.buttons).toEqual([[{ text: 'Back', data: 'cmd:panel:home' }]]);
    expect(seen.press).toMatchObject({
      payload: 'page:2',
      message: msg.ref,
      chat: msg.ref.chat,
      sender: { id: 'u8' },
    });
    expect(h.transport.messages).toHaveLength(1); // edited, not re-sent
    expect(h.journal.count(['done'])).toBe(2);
  });

  it('runs a press once even when the platform delivers it twice', async () => {
    const { h } = await harness();
    const seen: { press?: CallbackContext } = {};
    let presses = 0;
    h.commands.add(
      {
        ...panel(seen),
        onCallback: async () => {
          presses++;
          return { text: `pressed ${presses}` };
        },
      },
      'ferry-command-panel',
    );
    await h.transport.receive('/panel');
    await h.transport.waitFor((t) => t.texts().includes('panel: home'));
    const msg = h.transport.messages[0]!;
    await h.transport.press(msg.ref, 'Next', { dedupeKey: 'cb-1' });
    await h.transport.press(msg.ref, 'Next', { dedupeKey: 'cb-1' });
    await h.transport.waitFor((t) => t.texts().includes('pressed 1'));
    await new Promise((r) => setTimeout(r, 50));
    expect(presses).toBe(1);
    // the result of a press replies to the message the button was on
    expect(h.transport.messages.find((m) => m.text === 'pressed 1')!.replyTo).toEqual(msg.ref);
  });

  it('refuses a payload too long for Telegram with an answer naming the limit, and sends nothing half-made', async () => {
    const { h } = await harness();
    h.commands.add(
      {
        id: 'wide',
        description: 'too wide',
        handle: async (ctx) => {
          await ctx.reply('never sent', { buttons: [[{ text: 'x', payload: 'p'.repeat(60) }]] });
          return undefined;
        },
      },
      'ferry-command-wide',
    );
    await h.transport.receive('/wide');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('⚠️')));
    expect(h.transport.texts()).toEqual([
      expect.stringMatching(/^⚠️ \/wide failed \(ferry-command-wide\): .*60 bytes.*64-byte limit.*55 bytes/),
    ]);
  });

  it('answers a press whose command is gone, or takes no presses, instead of dropping it silently', async () => {
    const { h } = await harness();
    h.commands.add({ id: 'plain', description: 'no buttons', handle: async () => ({ text: 'ok' }) }, 'x');
    const ref = await h.transport.send(
      { transport: 'memory', chat: 'c1' },
      {
        text: 'old message',
        buttons: [
          [
            { text: 'Gone', data: 'cmd:removed:1' },
            { text: 'Plain', data: 'cmd:plain:1' },
          ],
        ],
      },
    );
    await h.transport.press(ref, 'Gone');
    await h.transport.press(ref, 'Plain');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.includes('no longer works')).length === 2);
    expect(h.transport.texts()).toContain('⚠️ This button no longer works: /removed is not available.');
    expect(h.transport.texts()).toContain('⚠️ This button no longer works: /plain takes no button presses.');
  });

  it('runEngine with capture hands the answer and usage to the command, posts no answer, and counts the cost for the chat', async () => {
    const { h, runner } = await harness('summary');
    let got: EngineAnswer | undefined;
    h.commands.add(
      {
        id: 'ask',
        description: 'asks the engine',
        handle: async (ctx) => {
          got = await ctx.runEngine(`about ${ctx.args}`, { capture: true });
          return { text: `the engine said «${got.answer}»` };
        },
      },
      'ferry-command-ask',
    );
    await h.transport.receive('/ask cats');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('the engine said')));
    expect(got).toMatchObject({
      ok: true,
      answer: 'summary: about cats',
      engine: 'test',
      model: 'test-model',
      resume: 'tok-about cats',
    });
    expect(got!.usage).toEqual({ inputTokens: 10, outputTokens: 5, costUsd: 0.01 });
    expect(runner.requests[0]!.cwd).toBe('/tmp');
    // no footer-bearing answer: only the progress message (shrunk to its summary) and the command's reply
    expect(h.transport.texts().some((x) => x.includes('— test'))).toBe(false);
    await h.transport.waitFor((t) => t.messages[0]!.text.startsWith('✓ done'));
    expect(h.costs.forChat({ transport: 'memory', chat: 'c1' })).toEqual([
      expect.objectContaining({ engine: 'test', runs: 1, costUsd: 0.01, inputTokens: 10, outputTokens: 5 }),
    ]);
    // the chat's conversation moved on: the next message resumes the captured run's session
    expect(h.sessions.resumeToken('memory:c1', 'test')).toBe('tok-about cats');
  });

  it('runEngine without capture streams into the chat like a message; fresh leaves the chat’s conversation alone', async () => {
    const { h, runner } = await harness('streamed');
    h.sessions.setResumeToken('memory:c1', 'test', 'the-chat-session');
    h.commands.add(
      {
        id: 'side',
        description: 'a side question',
        handle: async (ctx) => {
          await ctx.runEngine(ctx.args, { fresh: ctx.args === 'fresh' });
          return undefined;
        },
      },
      'ferry-command-side',
    );
    const asked = await h.transport.receive('/side fresh');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('streamed: fresh')));
    const answer = h.transport.messages.find((m) => m.text.startsWith('streamed: fresh'))!;
    expect(answer.replyTo).toEqual(asked.messageRef);
    expect(answer.text).toMatch(/— test \(test-model\) · .* · via \/side/); // the footer names the command
    expect(runner.requests[0]!.resume).toBeUndefined();
    expect(h.sessions.resumeToken('memory:c1', 'test')).toBe('the-chat-session');

    await h.transport.receive('/side again');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('streamed: again')));
    expect(runner.requests[1]!.resume).toBe('the-chat-session');
    expect(h.sessions.resumeToken('memory:c1', 'test')).toBe('tok-again');
  });

  it('runPrompt (API 1.0) still works as runEngine without options', async () => {
    const { h } = await harness('old');
    h.commands.add(
      { id: 'legacy', description: 'old style', handle: async (ctx) => void (await ctx.runPrompt('hi')) },
      'ferry-command-legacy',
    );
    await h.transport.receive('/legacy');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('old: hi')));
  });

  it('runEngine names an unknown engine in the command’s failure', async () => {
    const { h } = await harness();
    h.commands.add(
      {
        id: 'bad',
        description: 'bad engine',
        handle: async (ctx) => void (await ctx.runEngine('x', { engine: 'nope' })),
      },
      'ferry-command-bad',
    );
    await h.transport.receive('/bad');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('⚠️')));
    expect(h.transport.texts()[0]).toBe(
      '⚠️ /bad failed (ferry-command-bad): /bad: no engine "nope"; available: test',
    );
  });

  it('types: runEngine hands back an EngineAnswer only with capture', () => {
    // checked by tsc, never called
    const check = (ctx: CommandContext) => {
      expectTypeOf(ctx.runEngine('x', { capture: true })).toEqualTypeOf<Promise<EngineAnswer>>();
      expectTypeOf(ctx.runEngine('x', { fresh: true })).toEqualTypeOf<Promise<void>>();
      expectTypeOf(ctx.runEngine('x')).toEqualTypeOf<Promise<void>>();
    };
    expect(typeof check).toBe('function');
  });
});
