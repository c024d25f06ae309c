import { ManualClock } from '@ferry/core/testing';
import { describe, expect, it } from 'vitest';
import { ChannelPacer } from './channel-pacer.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('ChannelPacer', () => {
  it('spaces writes in one channel by the interval and leaves other channels alone', async () => {
    const clock = new ManualClock(0);
    const pacer = new ChannelPacer(clock, () => 1000);
    const at: string[] = [];
    const write = (name: string) => async () => void at.push(`${name}@${clock.now()}`);
    const all = Promise.all([
      pacer.run('C1', write('a')),
      pacer.run('C1', write('b')),
      pacer.run('C2', write('c')),
    ]);
    await tick();
    expect(at).toEqual(['a@0', 'c@0']);
    await clock.advance(999);
    expect(at).toEqual(['a@0', 'c@0']);
    await clock.advance(1);
    await all;
    expect(at).toEqual(['a@0', 'c@0', 'b@1000']);
  });

  it('collapses edits waiting for their turn into one write of the newest value', async () => {
    const clock = new ManualClock(0);
    const pacer = new ChannelPacer(clock, () => 1000);
    const written: string[] = [];
    await pacer.run('C1', async () => undefined);
    const edits = ['v1', 'v2', 'v3'].map((v) =>
      pacer.coalesce('C1:1', 'C1', v, async (x) => void written.push(x)),
    );
    await tick();
    await clock.advance(1000);
    await Promise.all(edits);
    expect(written).toEqual(['v3']);
    // once written, the next edit waits for a turn of its own
    const next = pacer.coalesce('C1:1', 'C1', 'v4', async (x) => void written.push(x));
    await tick();
    await clock.advance(1000);
    await next;
    expect(written).toEqual(['v3', 'v4']);
  });

  it('keeps the lane going after a failed write', async () => {
    const pacer = new ChannelPacer(new ManualClock(0), () => 0);
    await expect(pacer.run('C1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pacer.run('C1', async () => 'ok')).resolves.toBe('ok');
  });
});
