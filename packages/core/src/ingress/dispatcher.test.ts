import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import type { Attachment } from '../api/messages.js';
import { ManualClock } from '../clock/manual-clock.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.destroy();
});

/** A transport whose file downloads fail `failures` times (the disk is full, the platform is down). */
class BrokenDownloads extends MemoryTransport {
  constructor(public failures: number) {
    super('memory');
  }
  async download(_a: Attachment, _dest: string): Promise<void> {
    if (this.failures-- > 0) throw new Error('disk full');
  }
}

async function harness(failures: number, maxAttempts = 3) {
  const clock = new ManualClock();
  const transport = new BrokenDownloads(failures);
  const runner = new ScriptedRunner(() => simpleScript('got it'));
  const h = await buildHarness({
    clock,
    transport,
    engines: { test: runner },
    config: { ingress: { max_attempts: maxAttempts } },
  });
  open.push(h);
  await h.startup();
  return { h, clock, transport, runner };
}

const withFile = { attachments: [{ id: 'f1', name: 'notes.txt', size: 10 }] };

describe('Dispatcher failures', () => {
  it('retries an event whose processing threw, with backoff, until it goes through', async () => {
    const { h, clock, transport, runner } = await harness(2);
    await transport.receive('read this', withFile);
    await vi.waitFor(() => expect(h.journal.list(['pending'])[0]?.attempts).toBe(1));
    await clock.advance(2_000);
    await vi.waitFor(() => expect(h.journal.list(['pending'])[0]?.attempts).toBe(2));
    await clock.advance(4_000);
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('got it')));
    expect(runner.requests).toHaveLength(1);
    expect(runner.requests[0]?.prompt).toMatch(/saved in the working directory: notes\.txt/);
  });

  it('makes it a dead letter after max_attempts and says so in the chat, without looping', async () => {
    const { h, clock, transport, runner } = await harness(99, 2);
    await transport.receive('read this', withFile);
    await vi.waitFor(() => expect(h.journal.list(['pending'])[0]?.attempts).toBe(1));
    await clock.advance(2_000);
    await transport.waitFor((t) =>
      t.texts().some((x) => x.includes('could not process this message after 2 attempts')),
    );
    // the reason is delivered through the outbox: the entry is dead once the notice is confirmed
    await vi.waitFor(() => expect(h.journal.count(['dead'])).toBe(1));
    expect(h.journal.list(['dead'])[0]?.lastError).toBe('disk full');
    await clock.advance(60_000);
    expect(runner.requests).toHaveLength(0);
  });
});
