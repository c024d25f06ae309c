import { describe, expect, it } from 'vitest';
import { ChatLane } from './chat-lane.js';

/** A request that finishes only when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { opened, open };
}

describe('ChatLane', () => {
  it('runs one request at a time: sends first, then deletes, then edits', async () => {
    const lane = new ChatLane();
    const order: string[] = [];
    const first = gate();
    const busy = lane.send(async () => {
      order.push('send 1');
      await first.opened;
    });
    const edit = lane.edit('10', async () => void order.push('edit 10'));
    const del = lane.delete('11', async () => void order.push('delete 11'));
    const send = lane.send(async () => void order.push('send 2'));
    first.open();
    await Promise.all([busy, edit, del, send]);
    expect(order).toEqual(['send 1', 'send 2', 'delete 11', 'edit 10']);
  });

  it('coalesces waiting edits of one message: only the latest runs, every caller learns the outcome', async () => {
    const lane = new ChatLane();
    const first = gate();
    const texts: string[] = [];
    const busy = lane.send(() => first.opened);
    const edits = ['a', 'b', 'c'].map((t) => lane.edit('5', async () => void texts.push(t)));
    first.open();
    await Promise.all([busy, ...edits]);
    expect(texts).toEqual(['c']);
  });

  it('a delete drops the edits still waiting for that message', async () => {
    const lane = new ChatLane();
    const first = gate();
    const ran: string[] = [];
    const busy = lane.send(() => first.opened);
    const edit = lane.edit('5', async () => void ran.push('edit'));
    const del = lane.delete('5', async () => void ran.push('delete'));
    first.open();
    await Promise.all([busy, edit, del]);
    expect(ran).toEqual(['delete']);
  });

  it('abort fails what is queued; whenIdle waits for the running one', async () => {
    const lane = new ChatLane();
    const first = gate();
    const running = gate();
    const busy = lane.send(() => {
      running.open();
      return first.opened;
    });
    const queued = lane.send(async () => 'never');
    await running.opened;
    lane.abort(new Error('stopped'));
    await expect(queued).rejects.toThrow('stopped');
    const idle = lane.whenIdle();
    first.open();
    await busy;
    await idle;
    expect(lane.size).toBe(0);
  });
});
