import { join } from 'node:path';
import {
  CLOCK,
  type Clock,
  type EngineEvent,
  type EngineProcess,
  inject,
  injectable,
  PLUGIN_CONTEXT,
  type PluginContext,
  parseJsonLines,
  type Runner,
  type RunRequest,
  startEngineProcess,
} from '@ferry/core';
import { DemoEventMapper, type RunEnd } from './demo-event-mapper.js';

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
    let proc: EngineProcess;
    try {
      proc = await startEngineProcess({
        command: process.execPath,
        args: this.#args(req),
        cwd: req.cwd,
        env: this.#env(),
        stdin: { text: req.prompt },
        clock: this.clock,
        graceMs: this.settings.graceMs,
        signal,
        detach: req.detached,
      });
    } catch (err) {
      const end: RunEnd = signal.aborted
        ? { kind: 'cancelled' }
        : { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
      yield* new DemoEventMapper({ fallbackResume: req.resume }).finish(end);
      return;
    }

    const mapper = new DemoEventMapper({ fallbackResume: req.resume, meta: { pid: proc.pid, demo: true } });
    try {
      const events = parseJsonLines(proc.lines, {
        onBadLine: (line) =>
          this.ctx.logger.debug({ line: line.slice(0, 200) }, 'demo engine: skipped a non-JSON line'),
      });
      for await (const event of events) {
        yield* mapper.map(event);
        if (mapper.completed) break;
      }
      if (mapper.completed) {
        await this.#letExit(proc);
        return;
      }
      const exit = await proc.exit;
      yield* mapper.finish(
        signal.aborted ? { kind: 'cancelled' } : { kind: 'exited', ...exit, stderr: proc.stderrTail() },
      );
    } finally {
      // Also reached when the consumer stops iterating early: the process must not outlive the run.
      await proc.stop('run ended');
    }
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

  /** After its result the agent exits on its own; give it the grace before stopping it. */
  async #letExit(proc: EngineProcess): Promise<void> {
    const timer = new AbortController();
    await Promise.race([
      proc.exit,
      this.clock.sleep(this.settings.graceMs ?? 2000, timer.signal).catch(() => {}),
    ]);
    timer.abort();
  }
}
