import { PassThrough, Writable } from 'node:stream';
import { container } from 'tsyringe';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { InboundEvent, IngressSink } from '../../api/messages.js';
import type { PluginContext } from '../../api/plugin-context.js';
import type { Transport } from '../../api/transport.js';
import { ManualClock } from '../../clock/manual-clock.js';
import { createTestPluginContext } from '../../testing/test-plugin-context.js';
import { CLOCK, PLUGIN_CONFIG, PLUGIN_CONTEXT, TRANSPORT } from '../../tokens.js';
import { CONSOLE_IO, type ConsoleConfig, ConsoleTransport } from './console-transport.js';
import consolePlugin from './plugin.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes
const ESC = /\x1b/;

function harness(options: { tty: boolean; config?: Partial<ConsoleConfig> }) {
  const input = new PassThrough();
  let written = '';
  const output = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    { isTTY: options.tty, columns: 40, rows: 20 },
  );
  const shutdowns: string[] = [];
  const ctx: PluginContext = createTestPluginContext({
    id: 'console',
    kind: 'transport',
    packageName: '@ferry/core',
    onShutdown: (reason) => shutdowns.push(reason),
  });
  const clock = new ManualClock();
  const transport = new ConsoleTransport({ prompt: '> ', ...options.config }, clock, ctx, { input, output });
  onTestFinished(() => transport.stop());
  return {
    input,
    transport,
    shutdowns,
    clock,
    output: () => written,
    /** Output written from now on. */
    mark: () => {
      const from = written.length;
      return () => written.slice(from);
    },
  };
}

/** An ingress whose accepts resolve only when the test says so. */
function gatedIngress() {
  const accepted: InboundEvent[] = [];
  const gates: (() => void)[] = [];
  const ingress: IngressSink = {
    accept: (events) =>
      new Promise<void>((resolve) => {
        accepted.push(...events);
        gates.push(resolve);
      }),
    cursor: () => undefined,
  };
  return { ingress, accepted, release: () => gates.shift()?.() };
}

function openIngress() {
  const accepted: InboundEvent[] = [];
  const ingress: IngressSink = {
    accept: async (events) => void accepted.push(...events),
    cursor: () => undefined,
  };
  return { ingress, accepted };
}

const chat = { transport: 'console', chat: 'local' };

describe('ConsoleTransport input', () => {
  test('each line becomes one message, read only after the previous one was accepted', async () => {
    const h = harness({ tty: false, config: { user: 'ada' } });
    const { ingress, accepted, release } = gatedIngress();
    await h.transport.start(ingress);

    h.input.write('first\nsecond\n');
    await expect.poll(() => accepted.length).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(accepted).toHaveLength(1);
    release();
    await expect.poll(() => accepted.length).toBe(2);
    release();

    expect(accepted.map((e) => e.text)).toEqual(['first', 'second']);
    expect(accepted[0]).toMatchObject({
      transport: 'console',
      kind: 'message',
      chat,
      sender: { id: 'ada', name: 'ada' },
      sentAt: h.clock.now(),
      messageRef: { chat },
    });
    expect(accepted[0]!.dedupeKey).not.toBe(accepted[1]!.dedupeKey);
    expect(h.output()).toBe('> first\n> second\n');
  });

  test('end of input asks the host to shut down, after the last line was accepted', async () => {
    const h = harness({ tty: false });
    const { ingress, accepted, release } = gatedIngress();
    await h.transport.start(ingress);

    h.input.end('hi\n');
    await expect.poll(() => accepted.length).toBe(1);
    expect(h.shutdowns).toEqual([]);
    release();
    await expect.poll(() => h.shutdowns).toEqual(['console input closed']);
  });

  test('stop ends reading without asking for a shutdown', async () => {
    const h = harness({ tty: false });
    await h.transport.start(openIngress().ingress);
    await h.transport.stop();
    expect(h.shutdowns).toEqual([]);
  });

  test('typing the command of a shown button sends a callback with its data', async () => {
    const h = harness({ tty: false });
    const { ingress, accepted } = openIngress();
    await h.transport.start(ingress);
    const ref = await h.transport.send(chat, {
      text: 'working',
      buttons: [[{ text: 'Cancel', data: 'cancel:7' }]],
    });
    expect(h.output()).toContain('[ Cancel ] (/cancel)');

    h.input.write('/cancel\n');
    await expect.poll(() => accepted.length).toBe(1);
    expect(accepted[0]).toMatchObject({ kind: 'callback', text: 'cancel:7', messageRef: ref });
  });
});

describe('ConsoleTransport output', () => {
  test('send returns a distinct, increasing ref for each message', async () => {
    const h = harness({ tty: false });
    const a = await h.transport.send(chat, { text: 'a' });
    const b = await h.transport.send(chat, { text: 'b' });
    expect(a.chat).toEqual(chat);
    const seq = (id: string) => Number(id.split('-').at(-1));
    expect(seq(b.id)).toBeGreaterThan(seq(a.id));
  });

  test('in a TTY an edit of the latest message rewrites it in place', async () => {
    const h = harness({ tty: true });
    const ref = await h.transport.send(chat, { text: 'working · 1 s' });
    const after = h.mark();
    await h.transport.edit(ref, { text: 'working · 2 s\n✓ step one' });
    expect(after()).toBe('\x1b[1A\r\x1b[0Jworking · 2 s\n✓ step one\n');
  });

  test('in a TTY an edit of an earlier block redraws it and everything below it', async () => {
    const h = harness({ tty: true });
    const progress = await h.transport.send(chat, { text: 'working\n▸ step' });
    await h.transport.send(chat, { text: 'the answer' });
    const after = h.mark();
    await h.transport.edit(progress, { text: '✓ done' });
    expect(after()).toBe('\x1b[3A\r\x1b[0J✓ done\nthe answer\n');
  });

  test('in a TTY, once the user has typed, an edit prints anew and only when it changed beyond numbers', async () => {
    const h = harness({ tty: true });
    await h.transport.start(openIngress().ingress);
    const ref = await h.transport.send(chat, { text: 'working · 1 s' });
    h.input.write('next question\n');
    await expect.poll(() => h.output()).toContain('> next question');

    const after = h.mark();
    await h.transport.edit(ref, { text: 'working · 9 s' });
    expect(after()).toBe('');
    await h.transport.edit(ref, { text: '✓ done · 9 s' });
    expect(after()).toBe('✓ done · 9 s\n');
  });

  test('piped output has no escape codes and prints only the lines an edit added', async () => {
    const h = harness({ tty: false });
    const ref = await h.transport.send(chat, { text: 'demo · running · 0 s' });
    await h.transport.edit(ref, { text: 'demo · running · 900 ms' });
    await h.transport.edit(ref, { text: 'demo · running · 1 s' });
    await h.transport.edit(ref, { text: 'demo · running · 2 s\n▸ List files' });
    await h.transport.edit(ref, { text: 'demo · running · 3 s\n✓ List files' });
    await h.transport.edit(ref, { text: 'demo · running · 4 s\n✓ List files' });
    expect(h.output()).toBe('demo · running · 0 s\n▸ List files\n✓ List files\n');
    expect(h.output()).not.toMatch(ESC);
  });

  test('delete removes the latest block in a TTY and prints nothing when piped', async () => {
    const tty = harness({ tty: true });
    const ref = await tty.transport.send(chat, { text: 'progress' });
    const after = tty.mark();
    await tty.transport.delete(ref);
    expect(after()).toBe('\x1b[1A\r\x1b[0J');

    const piped = harness({ tty: false });
    const pipedRef = await piped.transport.send(chat, { text: 'progress' });
    await piped.transport.delete(pipedRef);
    expect(piped.output()).toBe('progress\n');
  });

  test('long lines count as the rows they wrap to', async () => {
    const h = harness({ tty: true });
    const ref = await h.transport.send(chat, { text: 'x'.repeat(100) });
    const after = h.mark();
    await h.transport.edit(ref, { text: 'short' });
    expect(after().startsWith('\x1b[3A')).toBe(true);
  });
});

describe('console plugin', () => {
  test('validates its config and registers the transport with explicit tokens', async () => {
    expect(consolePlugin.configSchema?.parse({})).toEqual({ prompt: '> ' });
    expect(() => consolePlugin.configSchema?.parse({ promt: '$ ' })).toThrow();

    const parent = container.createChildContainer();
    const h = harness({ tty: false });
    parent.register(PLUGIN_CONFIG, { useValue: { prompt: '$ ' } });
    parent.register(CLOCK, { useValue: h.clock });
    parent.register(PLUGIN_CONTEXT, { useValue: {} });
    parent.register(CONSOLE_IO, { useValue: { input: new PassThrough(), output: new PassThrough() } });
    const child = parent.createChildContainer();
    await consolePlugin.register(child, { prompt: '$ ' });

    const transport = child.resolve<Transport>(TRANSPORT);
    expect(transport).toBeInstanceOf(ConsoleTransport);
    expect(transport.capabilities).toMatchObject({ edit: true, delete: true, buttons: false });
  });
});
