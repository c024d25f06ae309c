import {
  CLOCK,
  type Clock,
  type EngineEvent,
  type EngineHealth,
  inject,
  injectable,
  PLUGIN_CONFIG,
  PLUGIN_CONTEXT,
  type PluginContext,
  probeEngineVersion,
  type Runner,
  type RunRequest,
  runJsonlEngine,
} from '@ferry/core';
import type { CodexConfig } from './codex-config.js';
import { CodexEventMapper } from './codex-event-mapper.js';
import { codexArgs } from './codex-invocation.js';
import { CodexThreadUsage } from './codex-thread-usage.js';

const RESUME_PATTERN = /codex resume ([A-Za-z0-9][A-Za-z0-9._-]*)/;
const VERSION_TIMEOUT_MS = 10_000;

/** Runs `codex exec --json … -` once per message, the prompt on stdin. */
@injectable()
export class CodexRunner implements Runner {
  readonly resume = {
    format: (token: string): string => `codex resume ${token}`,
    extract: (text: string): string | undefined => RESUME_PATTERN.exec(text)?.[1],
  };
  readonly #usage: CodexThreadUsage;

  constructor(
    @inject(PLUGIN_CONFIG) private readonly config: CodexConfig,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
  ) {
    this.#usage = new CodexThreadUsage(ctx.store);
  }

  async *run(req: RunRequest, signal: AbortSignal): AsyncGenerator<EngineEvent, void, undefined> {
    const resumed = req.resume !== undefined;
    const mapperFor = (meta: Record<string, unknown>) =>
      new CodexEventMapper({
        ...(req.resume ? { fallbackResume: req.resume } : {}),
        meta: { ...(this.config.model ? { model: this.config.model } : {}), ...meta },
        usageOfRun: (threadId, usage) => this.#usage.usageOfRun(threadId, usage, resumed),
      });

    yield* runJsonlEngine({
      process: {
        command: this.config.path,
        args: codexArgs(this.config, req),
        cwd: req.cwd,
        env: this.ctx.childEnv(this.config.env),
        stdin: { text: req.prompt },
        clock: this.clock,
        graceMs: this.config.grace_s * 1000,
        signal,
        pathKey: 'engines.codex.path',
        detach: req.detached,
      },
      mapperFor,
      onBadLine: (line) =>
        this.ctx.logger.debug({ line: line.slice(0, 200) }, 'codex: skipped a non-JSON line'),
      onError: (err) => this.ctx.logger.warn({ err, session: req.session }, 'codex run failed'),
    });
  }

  check(signal?: AbortSignal): Promise<EngineHealth> {
    return probeEngineVersion({
      command: this.config.path,
      pathKey: 'engines.codex.path',
      env: this.ctx.childEnv(this.config.env),
      cwd: this.ctx.stateDir,
      clock: this.clock,
      timeoutMs: VERSION_TIMEOUT_MS,
      expect: /\d+\.\d+\.\d+/,
      ...(signal ? { signal } : {}),
    });
  }
}
