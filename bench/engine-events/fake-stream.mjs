#!/usr/bin/env node
// A claude-shaped engine for the engine-events bench: system/init, then BENCH_EVENTS lines that
// each become one Ferry action event (Bash tool_use / tool_result pairs), then a result. It
// ignores its argv (the runner passes claude's). Each line's write time is recorded and, before
// the result, written to BENCH_STAMPS as "<tool id> <started|completed> <epoch ms>" lines, so the
// bench can measure write → Ferry with both clocks on the same epoch.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const events = Number(process.env.BENCH_EVENTS ?? 10_000);
const gapMs = Number(process.env.BENCH_GAP_US ?? 250) / 1000; // 0 = as fast as the pipe takes them
const session = randomUUID();
const now = () => performance.timeOrigin + performance.now();
const out = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

out({ type: 'system', subtype: 'init', session_id: session, model: 'bench-model', cwd: process.cwd() });
const stamps = [];
const start = now();
for (let i = 0; i < events; i++) {
  // an absolute schedule on timers (not a busy loop: the bench box has few cores to share);
  // lines that fell due during one timer tick go out together, as a busy engine's would
  while (gapMs > 0 && now() < start + i * gapMs) await sleep(Math.max(1, start + i * gapMs - now()));
  const id = `toolu_${i >> 1}`;
  const line =
    i % 2 === 0
      ? {
          type: 'assistant',
          session_id: session,
          parent_tool_use_id: null,
          message: {
            content: [
              {
                type: 'tool_use',
                id,
                name: 'Bash',
                input: { command: `echo ${i >> 1}`, description: 'bench step' },
              },
            ],
          },
        }
      : {
          type: 'user',
          session_id: session,
          parent_tool_use_id: null,
          message: {
            content: [{ type: 'tool_result', tool_use_id: id, content: String(i >> 1), is_error: false }],
          },
        };
  const t = now();
  out(line);
  stamps.push(`${id} ${i % 2 === 0 ? 'started' : 'completed'} ${t}`);
}
if (process.env.BENCH_STAMPS) writeFileSync(process.env.BENCH_STAMPS, `${stamps.join('\n')}\n`);
out({
  type: 'result',
  subtype: 'success',
  is_error: false,
  result: 'bench done',
  session_id: session,
  total_cost_usd: 0,
  usage: { input_tokens: 1, output_tokens: 1 },
});
