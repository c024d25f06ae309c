import {
  CLOCK,
  type Clock,
  type EngineEvent,
  type EngineHealth,
  type EngineProcess,
  inject,
  injectable,
  PLUGIN_CONFIG,
  PLUGIN_CONTEXT,
  type PluginContext,
  parseJsonLines,
  probeEngineVersion,
  type Runner,
  type RunRequest,
  retireEngineProcess,
  startEngineProcess,
} from '@ferry/core';
import type { ClaudeConfig } from './claude-config.js';
import { ClaudeControl } from './claude-control.js';
import { ClaudeEventMapper } from './claude-event-mapper.js';
import { claudeInvocation } from './claude-invocation.js';
import { answeredRequests, isAnswered } from './claude-replay.js';
import { ClaudeSessionCosts } from './claude-session-costs.js';

const RESUME_PATTERN = /claude --resume ([A-Za-z0-9][A-Za-z0-9._-]*)/;
const VERSION_TIMEOUT_MS = 10_000;

/** Runs `claude -p … --output-format stream-json --verbose` once per message. */
@injectable()
export class ClaudeRunner implements Runner {
  readonly resume = {
    format: (token: string): string => `claude --resume ${token}`,
    extract: (text: string): string | undefined => RESUME_PATTERN.exec(text)?.[1],
  };
  readonly #costs: ClaudeSessionCosts;

  constructor(
    @inject(PLUGIN_CONFIG) private readonly config: ClaudeConfig,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
  ) {
    this.#costs = new ClaudeSessionCosts(ctx.store);
  }

  async *run(req: RunRequest, signal: AbortSignal): AsyncGenerator<EngineEvent, void, undefined> {
    const invocation = claudeInvocation(this.config, req);
    const resumed = req.resume !== undefined;
    const mapperFor = (meta: Record<string, unknown>) =>
      new ClaudeEventMapper({
        ...(req.resume ? { fallbackResume: req.resume } : {}),
        cwd: req.cwd,
        meta,
        costOfRun: (sessionId, result) => this.#costs.costOfRun(sessionId, result, resumed),
      });
    this.ctx.logger.debug(
      { session: req.session, promptVia: invocation.promptVia, resume: req.resume },
      'starting claude',
    );

    let proc: EngineProcess;
    try {
      proc = await startEngineProcess({
        command: this.config.path,
        args: invocation.args,
        cwd: req.cwd,
        env: this.ctx.childEnv(this.config.env),
        stdin: invocation.stdin,
        clock: this.clock,
        graceMs: this.config.grace_s * 1000,
        signal,
        pathKey: 'engines.claude.path',
        detach: req.detached,
      });
    } catch (err) {
      const mapper = mapperFor({});
      yield* mapper.finish(
        signal.aborted
          ? { kind: 'cancelled' }
          : { kind: 'failed', error: err instanceof Error ? err.message : String(err) },
      );
      return;
    }

    const mapper = mapperFor({ pid: proc.pid });
    const control =
      invocation.stdin === 'pipe' && proc.stdin && req.approvals
        ? new ClaudeControl(proc.stdin, req.approvals, req.cwd, this.ctx.logger)
        : undefined;
    // a re-attached engine has its turn already (unless the last host died before sending it),
    // and its answered requests stay answered
    const previousInput = proc.previousInput();
    if (previousInput === '') control?.userTurn(req.prompt);
    const answered = answeredRequests(previousInput);
    try {
      const events = parseJsonLines(proc.lines, {
        onBadLine: (line) =>
          this.ctx.logger.debug({ line: line.slice(0, 200) }, 'claude: skipped a non-JSON line'),
      });
      for await (const event of events) {
        if (isAnswered(event, answered)) continue;
        const controlEvents = control?.handle(event);
        if (controlEvents) {
          yield* controlEvents;
          continue;
        }
        if ((event as { type?: string }).type === 'result') control?.close();
        yield* mapper.map(event);
        if (mapper.completed) break;
      }
      if (!mapper.completed) {
        const exit = await proc.exit;
        yield* mapper.finish(
          signal.aborted ? { kind: 'cancelled' } : { kind: 'exited', ...exit, stderr: proc.stderrTail() },
        );
      }
    } finally {
      control?.close();
      // Here, not after the loop: the host stops iterating as soon as it has `completed`.
      if (mapper.error)
        this.ctx.logger.warn({ err: mapper.error, session: req.session }, 'claude run failed');
      if (mapper.completed && !signal.aborted)
        retireEngineProcess(proc, this.clock, this.config.grace_s * 1000);
      else await proc.stop('run ended'); // the consumer stopped early: the process must not outlive the run
    }
  }

  check(signal?: AbortSignal): Promise<EngineHealth> {
    return probeEngineVersion({
      command: this.config.path,
      pathKey: 'engines.claude.path',
      env: this.ctx.childEnv(this.config.env),
      cwd: this.ctx.stateDir,
      clock: this.clock,
      timeoutMs: VERSION_TIMEOUT_MS,
      expect: /\d+\.\d+\.\d+/,
      ...(signal ? { signal } : {}),
    });
  }
}
