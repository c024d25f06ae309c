import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../api/engine.js';
import type { PluginContractError } from '../errors/codes.js';
import { guardEngineEvents } from './contract-guard.js';

async function guarded(events: EngineEvent[]) {
  const violations: PluginContractError[] = [];
  async function* source() {
    yield* events;
  }
  const out: EngineEvent[] = [];
  for await (const ev of guardEngineEvents('test', source(), (e) => violations.push(e))) out.push(ev);
  return { out, violations };
}

const approval: EngineEvent = {
  type: 'approval',
  request: {
    id: 'r1',
    kind: 'tool',
    tool: 'Bash',
    summary: '$ ls',
    options: [{ id: 'allow', label: 'Allow' }],
  },
};

describe('contract guard and approval events', () => {
  it('passes `approval` between `started` and `completed`', async () => {
    const { out, violations } = await guarded([
      { type: 'started', resume: 's' },
      approval,
      { type: 'completed', ok: true, answer: 'a' },
    ]);
    expect(out.map((e) => e.type)).toEqual(['started', 'approval', 'completed']);
    expect(violations).toEqual([]);
  });

  it('drops an `approval` before `started` and names the engine', async () => {
    const { out, violations } = await guarded([
      approval,
      { type: 'started', resume: 's' },
      { type: 'completed', ok: true, answer: 'a' },
    ]);
    expect(out.map((e) => e.type)).toEqual(['started', 'completed']);
    expect(violations[0]?.message).toBe('engine "test" sent "approval" before "started"');
  });
});
