import { join } from 'node:path';
import {
  CLOCK,
  type Clock,
  type EngineEvent,
  inject,
  injectable,
  PLUGIN_CONTEXT,
  type PluginContext,
  type Runner,
  type RunRequest,
  runJsonlEngine,
} from '@ferry/core';
import { DemoEventMapper } from './demo-event-mapper.js';

export interface DemoSettings {
  /** Pause between the agent's events, so progress is visible. */
  readonly delayMs: number;
  readonly model?: string;
  /** Path of the built demo-agent.js, run with this Node. */
  readonly agentScript: string;
  /** SIGTERM → SIGKILL grace for the agent's process group. */
  readonly graceMs?: number;
}

export const DEMO_SETTINGS = Symbol.for('ferry.engineDemo.settings');

const RESUME_PATTERN = /demo --resume ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** Runs the DEMO agent (not an AI) exactly as the claude engine runs `claude -p`. */
@injectable()
export class DemoRunner implements Runner {
  readonly resume = {
    format: (token: string): string => `demo --resume ${token}`,
    extract: (text: string): string | undefined => RESUME_PATTERN.exec(text)?.[1],
  };

  constructor(
    @inject(DEMO_SETTINGS) private readonly settings: DemoSettings,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
  ) {}

  async *run(req: RunRequest, signal: AbortSignal): AsyncGenerator<EngineEvent, void, undefined> {
    yield* runJsonlEngine({
      process: {
        command: process.execPath,
        args: this.#args(req),
        cwd: req.cwd,
        env: this.#env(),
        stdin: { text: req.prompt },
        clock: this.clock,
        graceMs: this.settings.graceMs,
        signal,
        detach: req.detached,
      },
      // `demo: true` marks a started agent only, as before: a run that never started has no meta
      mapperFor: (meta) =>
        new DemoEventMapper({
          fallbackResume: req.resume,
          meta: meta.pid === undefined ? meta : { ...meta, demo: true },
        }),
      onBadLine: (line) =>
        this.ctx.logger.debug({ line: line.slice(0, 200) }, 'demo engine: skipped a non-JSON line'),
    });
  }

  #args(req: RunRequest): string[] {
    const args = [this.settings.agentScript, '-p', '--output-format', 'stream-json', '--verbose'];
    args.push('--delay-ms', String(this.settings.delayMs));
    if (this.settings.model) args.push('--model', this.settings.model);
    if (req.resume) args.push('--resume', req.resume);
    return args;
  }

  #env(): NodeJS.ProcessEnv {
    const env = this.ctx.childEnv();
    // Sessions live with the instance's state, so a throwaway quick-start instance leaves nothing behind.
    env.FERRY_DEMO_HOME ??= join(this.ctx.stateDir, 'engine-demo');
    return env;
  }
}
