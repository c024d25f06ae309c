import { MemoryPluginStore } from '@ferry/core/testing';
import { describe, expect, it } from 'vitest';
import { ChatLog } from './chat-log.js';

const T = 1_700_000_000_000;

describe('ChatLog', () => {
  it('gives every change a higher seq, across chats and across a restart on the same store', () => {
    const store = new MemoryPluginStore();
    const log = new ChatLog(store, 100);
    const a = log.append('a', { role: 'bot', text: 'one' }, T);
    const b = log.append('b', { role: 'bot', text: 'two' }, T);
    const edited = log.edit('a', a.id, 'one, edited');
    expect([a.seq, b.seq, edited.seq]).toEqual([1, 2, 3]);
    expect(a.id).toBe('b1');

    const next = new ChatLog(store, 100); // the next generation of the daemon
    expect(next.head).toBe(3);
    const c = next.append('a', { role: 'bot', text: 'three' }, T);
    expect(c.seq).toBe(4);
    // a ref from the previous generation can still be edited (repair after a restart)
    expect(next.edit('a', a.id, '⚠️ interrupted').seq).toBe(5);
  });

  it('replays what changed after a seq once, in its latest form, keeping the chat order', () => {
    const log = new ChatLog(new MemoryPluginStore(), 100);
    const user = log.append('a', { role: 'user', id: 'u1', text: 'hi' }, T);
    const progress = log.append(
      'a',
      { role: 'bot', text: 'working', replyTo: 'u1', buttons: [[{ text: 'Cancel', data: 'cancel:1' }]] },
      T,
    );
    const seen = progress.seq;
    log.edit('a', progress.id, 'working · 1 s', [[{ text: 'Cancel', data: 'cancel:1' }]]);
    const answer = log.append('a', { role: 'bot', text: 'the answer', replyTo: 'u1' }, T);
    log.edit('a', progress.id, '✓ done');
    log.append('other', { role: 'bot', text: 'elsewhere' }, T);

    const missed = log.since('a', seen);
    expect(missed.map((r) => [r.id, r.text])).toEqual([
      [answer.id, 'the answer'],
      [progress.id, '✓ done'],
    ]);
    // an edit without buttons removes them; the position in the chat stays the first write's
    expect(missed[1]).not.toHaveProperty('buttons');
    expect(missed[1]!.order).toBe(progress.order);
    expect(log.since('a', 0).map((r) => r.id)).toEqual([user.id, answer.id, progress.id]);
  });

  it('takes a retried user message once, and keeps deletions as tombstones', () => {
    const log = new ChatLog(new MemoryPluginStore(), 100);
    const first = log.append('a', { role: 'user', id: 'u1', text: 'hi' }, T);
    expect(log.append('a', { role: 'user', id: 'u1', text: 'hi' }, T + 5)).toEqual(first);
    const bot = log.append('a', { role: 'bot', text: 'bye' }, T);
    const gone = log.delete('a', bot.id);
    expect(gone).toMatchObject({ id: bot.id, deleted: true, text: '' });
    expect(log.since('a', bot.seq)).toEqual([gone]);
  });

  it('refuses to edit or delete a message it does not hold, with a stable code', () => {
    const log = new ChatLog(new MemoryPluginStore(), 100);
    const bot = log.append('a', { role: 'bot', text: 'x' }, T);
    log.delete('a', bot.id);
    expect(() => log.edit('a', 'b999', 'y')).toThrow(
      expect.objectContaining({ code: 'FERRY_WEBCHAT_MESSAGE_NOT_FOUND' }),
    );
    expect(() => log.edit('a', bot.id, 'y')).toThrow(
      expect.objectContaining({ code: 'FERRY_WEBCHAT_MESSAGE_NOT_FOUND' }),
    );
    expect(() => log.delete('other', bot.id)).toThrow(
      expect.objectContaining({ code: 'FERRY_WEBCHAT_MESSAGE_NOT_FOUND' }),
    );
  });

  it('keeps only the newest `history` messages of a chat, in the store too', () => {
    const store = new MemoryPluginStore();
    const log = new ChatLog(store, 10);
    for (let i = 0; i < 15; i++) log.append('a', { role: 'bot', text: `m${i}` }, T);
    log.append('b', { role: 'bot', text: 'b0' }, T);
    expect(log.since('a', 0).map((r) => r.text)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 5}`));
    expect(store.keys('m:a:')).toHaveLength(10);
    expect(new ChatLog(store, 10).since('b', 0).map((r) => r.text)).toEqual(['b0']);
  });
});
