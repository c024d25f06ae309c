import { type ChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { EngineAnswer } from '../api/command.js';
import type { MessageRef } from '../api/messages.js';
import { EngineNotFoundError, RunInterruptedError } from '../errors/codes.js';
import type { EngineSource } from '../runs/engine-source.js';
import type { Route } from '../runs/project-router.js';
import type { RunJob } from '../runs/run-job.js';
import type { RunEngineFn } from './command-context.js';

export interface RunEngineDeps {
  readonly runs: { submit(job: RunJob): Promise<void> };
  readonly engines: Pick<EngineSource, 'ids'>;
}

export interface RunEngineTarget {
  readonly chat: ChatAddress;
  readonly route: Route;
  /** Shown in the footer: `/git`. */
  readonly source: string;
  readonly replyTo?: MessageRef;
}

/**
 * `runEngine` for one command invocation: a job in the chat's session queue, so it never runs
 * beside the chat's other runs on the same conversation.
 */
export function commandRunEngine(d: RunEngineDeps, t: RunEngineTarget): RunEngineFn {
  return async (prompt, options = {}) => {
    const engine = options.engine ?? t.route.engine;
    const ids = d.engines.ids();
    if (!ids.includes(engine)) {
      throw new EngineNotFoundError(
        `${t.source}: no engine "${engine}"; available: ${ids.join(', ') || 'none'}`,
      );
    }
    let answer: EngineAnswer | undefined;
    await d.runs.submit({
      chat: t.chat,
      session: sessionKeyOf(t.chat),
      prompt,
      engine,
      cwd: t.route.cwd,
      source: t.source,
      ...(t.replyTo ? { replyTo: t.replyTo } : {}),
      ...(options.fresh ? { fresh: true } : {}),
      ...(options.capture
        ? {
            capture: (a: EngineAnswer) => {
              answer = a;
            },
          }
        : {}),
    });
    if (!options.capture) return undefined;
    // a captured run that hands nothing back was cut off (a drain) or never started
    if (!answer)
      throw new RunInterruptedError(`the ${engine} run of ${t.source} was interrupted by a restart`);
    return answer;
  };
}
