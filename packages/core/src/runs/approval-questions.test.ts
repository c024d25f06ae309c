import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskingRunner } from '../__fixtures__/asking-runner.js';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import type { ApprovalRequest } from '../api/approval.js';

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.destroy();
});

const survey: ApprovalRequest = {
  id: 'q',
  kind: 'question',
  tool: 'AskUserQuestion',
  summary: 'Which date library should we use?',
  options: [],
  questions: [
    {
      question: 'Which date library should we use?',
      header: 'Library',
      options: [
        { id: 'o0', label: 'date-fns', description: 'Small, functional' },
        { id: 'o1', label: 'luxon', description: 'Time zones built in' },
      ],
    },
    {
      question: 'Which features do you need?',
      header: 'Features',
      multiSelect: true,
      options: [
        { id: 'o0', label: 'parsing' },
        { id: 'o1', label: 'formatting' },
        { id: 'o2', label: 'time zones' },
      ],
    },
    { question: 'Anything else?', options: [{ id: 'o0', label: 'no' }] },
  ],
};

const ANN = { id: '7', name: 'Ann' };
const BOB = { id: '8', name: 'Bob' };

async function start() {
  const runner = new AskingRunner([survey]);
  const h = await buildHarness({ engines: { test: runner } });
  harnesses.push(h);
  await h.startup();
  await h.transport.receive('go', { sender: ANN });
  await h.transport.waitFor((t) => t.messages.some((m) => m.text.includes('❓')));
  const asked = h.transport.messages.find((m) => m.text.includes('❓'))!;
  return { h, runner, asked };
}

const labels = (m: { buttons?: readonly (readonly { text: string }[])[] }) =>
  (m.buttons ?? []).map((row) => row.map((b) => b.text));

describe('questions', () => {
  it('asks several questions in turn: a tap answers one, multi-select toggles until Done, text answers the last', async () => {
    const { h, runner, asked } = await start();
    expect(asked.text).toBe(
      '❓ test asks (1/3): Which date library should we use?\n• date-fns: Small, functional\n• luxon: Time zones built in',
    );
    expect(labels(asked)).toEqual([['date-fns'], ['luxon'], ['✍️ Answer in text']]);
    await h.transport.press(asked.ref, 'luxon', { sender: ANN });
    await h.transport.waitFor(() => asked.text.includes('(2/3)'));
    expect(asked.text).toMatch(/^✓ Library: luxon\n❓ test asks \(2\/3\): Which features do you need\?/);
    expect(labels(asked)).toEqual([
      ['☐ parsing'],
      ['☐ formatting'],
      ['☐ time zones'],
      ['Done', '✍️ Answer in text'],
    ]);

    await h.transport.press(asked.ref, 'Done', { sender: ANN });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('Choose at least one')));
    await h.transport.press(asked.ref, '☐ time zones', { sender: ANN });
    await h.transport.waitFor(() => labels(asked)[2]![0] === '☑ time zones');
    await h.transport.press(asked.ref, '☐ parsing', { sender: ANN });
    await h.transport.waitFor(() => labels(asked)[0]![0] === '☑ parsing');
    await h.transport.press(asked.ref, 'Done', { sender: ANN });
    await h.transport.waitFor(() => asked.text.includes('(3/3)'));

    await h.transport.press(asked.ref, '✍️ Answer in text', { sender: ANN });
    await h.transport.waitFor(() => asked.text.includes('✍️ Ann: send your answer as a message'));
    const typed = await h.transport.receive('  use UTC everywhere ', { sender: ANN });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got')));
    expect(runner.answers[0]!.answers).toEqual({
      'Which date library should we use?': 'luxon',
      'Which features do you need?': 'parsing, time zones',
      'Anything else?': 'use UTC everywhere',
    });
    expect(asked.text).toMatch(
      /✓ Library: luxon · Features: parsing, time zones · Anything else\?: use UTC everywhere — answered by Ann$/,
    );
    // the typed answer started no run of its own, and its journal entry is done, once
    const entry = h.journal.list(['done']).find((e) => e.event.dedupeKey === typed.dedupeKey);
    expect(entry?.attempts).toBe(1);
    expect(h.ledger.get(1)).toBeDefined();
    expect(h.ledger.get(2)).toBeUndefined();
  });

  it('only the user who asked to answer in text can: another user’s message is not taken as the answer', async () => {
    const { h, runner, asked } = await start();
    await h.transport.press(asked.ref, '✍️ Answer in text', { sender: ANN });
    await h.transport.waitFor(() => asked.text.includes('✍️ Ann'));
    const other = await h.transport.receive('date-fns please', { sender: BOB });
    // Bob's message is an ordinary one: it queues behind the run that waits for Ann
    await h.transport.waitFor((t) => t.messages.some((m) => m.replyTo?.id === other.messageRef!.id));
    expect(runner.answers).toHaveLength(0);
    expect(asked.text).toContain('✍️ Ann');
    // a redelivered copy of Ann's answer is journaled once and answers once
    const typed = await h.transport.receive('date-fns', { sender: ANN, dedupeKey: 'ann-1' });
    await h.transport.receive('date-fns', { sender: ANN, dedupeKey: 'ann-1' });
    await h.transport.waitFor(() => asked.text.includes('(2/3)'));
    await vi.waitFor(() =>
      expect(h.journal.list(['done']).filter((e) => e.event.dedupeKey === typed.dedupeKey)).toHaveLength(1),
    );
    expect(asked.text).toMatch(/^✓ Library: date-fns\n/);
  });
});
