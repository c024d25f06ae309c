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

    let control: ClaudeControl | undefined;
    let answered: ReadonlySet<string> = new Set();
    yield* runJsonlEngine({
      process: {
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
      },
      mapperFor,
      onStarted: (proc) => {
        if (invocation.stdin === 'pipe' && proc.stdin && req.approvals)
          control = new ClaudeControl(proc.stdin, req.approvals, req.cwd, this.ctx.logger);
        // a re-attached engine has its turn already (unless the last host died before sending it),
        // and its answered requests stay answered
        const previousInput = proc.previousInput();
        if (previousInput === '') control?.userTurn(req.prompt);
        answered = answeredRequests(previousInput);
        return () => control?.close();
      },
      intercept: (event) => {
        if (isAnswered(event, answered)) return [];
        const controlEvents = control?.handle(event);
        if (!controlEvents && event.type === 'result') control?.close();
        return controlEvents;
      },
      onBadLine: (line) =>
        this.ctx.logger.debug({ line: line.slice(0, 200) }, 'claude: skipped a non-JSON line'),
      onError: (err) => this.ctx.logger.warn({ err, session: req.session }, 'claude run failed'),
    });
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
