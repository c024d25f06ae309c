import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import type { MessageRef } from '../api/messages.js';
import { ManualClock } from '../clock/manual-clock.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.destroy();
});

/** A memory transport whose answer sends can be held (slow platform) or failed (platform down). */
class FlakyTransport extends MemoryTransport {
  hold: Promise<void> | undefined;
  fail = false;
  override async send(
    to: Parameters<MemoryTransport['send']>[0],
    msg: Parameters<MemoryTransport['send']>[1],
  ): Promise<MessageRef> {
    if (msg.text.startsWith('answer')) {
      if (this.fail) throw new Error('platform down');
      await this.hold;
    }
    return super.send(to, msg);
  }
}

async function harness() {
  const clock = new ManualClock();
  const transport = new FlakyTransport();
  const h = await buildHarness({
    clock,
    transport,
    engines: { test: new ScriptedRunner(() => simpleScript('answer!')) },
  });
  open.push(h);
  await h.startup();
  return { h, clock, transport };
}

describe('OutboxSender', () => {
  it('does not send an answer a second time while its run is still sending it', async () => {
    const { h, clock, transport } = await harness();
    let release!: () => void;
    transport.hold = new Promise((r) => {
      release = r;
    });
    await transport.receive('q');
    await vi.waitFor(() => expect(h.outbox.pending()).toHaveLength(1));
    await clock.advance(60_000); // the retry loop runs several times meanwhile
    release();
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer!')));
    await clock.advance(60_000);
    expect(transport.texts().filter((x) => x.startsWith('answer!'))).toHaveLength(1);
    expect(h.journal.count(['done'])).toBe(1);
  });

  it('retries an answer whose send failed until the platform takes it', async () => {
    const { h, clock, transport } = await harness();
    transport.fail = true;
    await transport.receive('q');
    await vi.waitFor(() => expect(h.outbox.pending()).toHaveLength(1));
    await vi.waitFor(() => expect(h.runs.active()).toHaveLength(0));
    await clock.advance(6_000);
    expect(h.outbox.pending()).toHaveLength(1);
    transport.fail = false;
    await clock.advance(20_000);
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer!')));
    expect(transport.texts().filter((x) => x.startsWith('answer!'))).toHaveLength(1);
    await vi.waitFor(() => expect(h.journal.count(['done'])).toBe(1));
  });
});
