import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await vi.waitFor(() => expect(h.dispatcher.inFlight).toBe(0));
    h.destroy();
  }
});

async function harness() {
  const engine = (name: string) => new ScriptedRunner((req) => simpleScript(`${name}: ${req.prompt}`));
  const h = await buildHarness({ engines: { test: engine('test'), other: engine('other') } });
  harnesses.push(h);
  await h.startup();
  return h;
}

describe('/engine', () => {
  it('lists the engines with a button per other engine; pressing one makes it the chat’s engine', async () => {
    const h = await harness();
    await h.transport.receive('/engine');
    await h.transport.waitFor((t) => t.messages.length === 1);
    const list = h.transport.messages[0]!;
    expect(list.text).toBe('● test\n○ other');
    expect(list.buttons).toEqual([[{ text: 'Use other', data: 'cmd:engine:other' }]]);

    await h.transport.press(list.ref, 'Use other');
    await h.transport.waitFor(() => list.text === 'This chat now uses other.');
    await h.transport.receive('hello');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('other: hello')));
  });

  it('/engines still works (an alias, kept out of the command menu) and /engine <id> picks directly', async () => {
    const h = await harness();
    await h.transport.receive('/engines other');
    await h.transport.waitFor((t) => t.texts().includes('This chat now uses other.'));
    await h.transport.receive('/engine nope');
    await h.transport.waitFor((t) => t.texts().includes('Unknown engine "nope". Available: test, other'));
    expect(h.commands.list().map((c) => c.name)).toContain('engine');
    expect(h.commands.list().map((c) => c.name)).not.toContain('engines');
  });
});
