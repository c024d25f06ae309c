import type { ChatAddress } from '../api/chat-address.js';
import { formatChatAddress } from '../api/chat-address.js';
import type { DrainReport, Lifecycle } from '../api/lifecycle.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { RunService } from '../runs/run-service.js';
import type { Notifier } from '../supervisor/notifier.js';
import { StopTimeoutExtender } from '../supervisor/stop-timeout-extender.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { HostState } from './host-state.js';

/** How often the drain countdown in chat is edited. */
const COUNTDOWN_EVERY_MS = 5_000;
/** A run with no engine output for this long is called silent in the countdown. */
const SILENT_AFTER_MS = 30_000;

export interface RestartRequest {
  readonly reason: string;
  /** Do not wait for runs (`/restart --force`, a second SIGTERM). */
  readonly force?: boolean;
  /** The session that asked (`/restart` from a chat): its own run is not waited for. */
  readonly session?: string;
  /**
   * A stop that is known not to come back (the console's input ended): chats are told
   * "stopping". A SIGTERM may be either, and systemd usually restarts, so it says "restarting".
   */
  readonly final?: boolean;
  /**
   * Come back in the same process when no supervisor will restart us (config changes,
   * `/restart`); under systemd the process exits and systemd starts the next one.
   */
  readonly rebuild?: boolean;
  /** Drain runs even under live restore (`ferry stop --drain`): nothing is left running. */
  readonly drain?: boolean;
}

export interface RestartOutcome {
  readonly reason: string;
  readonly rebuild: boolean;
  readonly waited: number;
  readonly interrupted: number;
  /** Runs left running for the next generation (live restore). */
  readonly handedOver: number;
}

export interface CoordinatorDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly runs: RunService;
  readonly hub: TransportHub;
  readonly notifier: Notifier;
  readonly drainTimeoutMs: () => number;
  /** systemd's stop timeout when known (config or unit file): a longer drain extends it. */
  readonly stopTimeoutMs?: () => number | undefined;
  /** A run silent this long is stuck: the drain stops waiting for it before the deadline. */
  readonly stuckAfterMs: () => number;
  /** `[restart] live_restore`: runs whose engine can outlive the host are handed over, not drained. */
  readonly liveRestore?: () => boolean;
  /** Other participants (plugins, services) whose own work counts in the drain. */
  readonly participants: () => readonly { owner: string; hooks: Lifecycle }[];
}

/**
 * RUNNING → DRAINING → (PERSIST, done by the host) → EXIT. One restart at a time: a second
 * request joins the first (a `force` one cuts its wait short).
 */
export class RestartCoordinator {
  #state: HostState = 'starting';
  #pending: Promise<RestartOutcome> | undefined;
  readonly #force = new AbortController();
  readonly #drained: Promise<RestartOutcome>;
  #onDrained!: (outcome: RestartOutcome) => void;

  constructor(private readonly d: CoordinatorDeps) {
    this.#drained = new Promise((resolve) => {
      this.#onDrained = resolve;
    });
  }

  get state(): HostState {
    return this.#state;
  }

  get draining(): boolean {
    return this.#state === 'draining' || this.#state === 'stopping';
  }

  markRunning(): void {
    if (this.#state === 'starting') this.#state = 'running';
  }

  markStopping(): void {
    this.#state = 'stopping';
  }

  /** Resolves when the drain is over and the host may persist and exit. */
  request(req: RestartRequest): Promise<RestartOutcome> {
    if (req.force) this.#force.abort();
    if (!this.#pending) {
      this.#pending = this.#drain(req).then(
        (outcome) => {
          this.#onDrained(outcome);
          return outcome;
        },
        (err: unknown) => {
          // a failed drain must not leave the gate closed: back to RUNNING, a later request may try again
          this.d.log.error({ err, reason: req.reason }, 'the drain failed; still running');
          this.#pending = undefined;
          this.#state = 'running';
          this.d.runs.resumeAccepting();
          this.d.notifier.notify({ STATUS: 'running (a restart failed)' });
          throw err;
        },
      );
    }
    return this.#pending;
  }

  /** The drain in progress, if one was requested. */
  get requested(): Promise<RestartOutcome> | undefined {
    return this.#pending;
  }

  /** Settles when the first restart request has drained: the host then persists and exits. */
  get drained(): Promise<RestartOutcome> {
    return this.#drained;
  }

  async #drain(req: RestartRequest): Promise<RestartOutcome> {
    const { clock, log, runs, hub, notifier } = this.d;
    this.#state = 'draining';
    notifier.notify({ STOPPING: '1', STATUS: `draining: ${req.reason}` });
    const timeoutMs = req.force ? 0 : this.d.drainTimeoutMs();
    const deadline = clock.now() + timeoutMs;
    const extender = new StopTimeoutExtender(notifier, clock, this.d.stopTimeoutMs?.(), deadline);
    extender.tick();
    log.info({ reason: req.reason, timeoutMs, runs: runs.active().length }, 'drain started');
    // a stop that will not come back, or one asked to drain, leaves no engine behind
    const handOver = !req.final && !req.drain && (this.d.liveRestore?.() ?? false);
    const handedOver = handOver ? await runs.handOver() : 0;

    const verb = req.final ? 'stopping' : 'restarting';
    const notices = await this.#announce(deadline, verb);
    const countdown = new AbortController();
    const ticking = this.#countdown(notices, deadline, verb, countdown.signal, extender);
    const exempt = new Set(req.session ? [req.session] : []);
    const drainReq = { deadline, reason: req.reason, signal: this.#force.signal };
    let report: DrainReport;
    try {
      const reports = await Promise.all([
        runs.drain(drainReq, { exempt, stuckAfterMs: this.d.stuckAfterMs() }),
        ...this.d.participants().map(async ({ owner, hooks }) => {
          try {
            return (await hooks.drain?.(drainReq)) ?? { waited: 0, interrupted: [] };
          } catch (err) {
            log.error({ err, owner }, 'drain hook failed');
            return { waited: 0, interrupted: [] };
          }
        }),
      ]);
      report = {
        waited: reports.reduce((n, r) => n + r.waited, 0),
        interrupted: reports.flatMap((r) => r.interrupted),
      };
    } finally {
      countdown.abort();
      await ticking;
    }
    const cut = report.interrupted.filter((w) => w.owner === 'runs');
    for (const [chat, ref] of notices) {
      const mine = cut.filter(
        (w) => w.data?.session !== undefined && String(w.data.session).startsWith(chat),
      );
      const text =
        mine.length > 0
          ? `⚠️ ${verb} — ${mine.length} run(s) interrupted. Send /continue after the restart to pick up.`
          : `🔄 ${verb} now — running work finished.`;
      await hub.tryEdit(ref, { text });
    }
    notifier.notify({ STATUS: `stopping: ${report.interrupted.length} interrupted` });
    this.#state = 'stopping';
    log.info({ waited: report.waited, interrupted: report.interrupted.length }, 'drain finished');
    return {
      reason: req.reason,
      rebuild: req.rebuild === true,
      waited: report.waited,
      interrupted: report.interrupted.length,
      handedOver,
    };
  }

  /** One notice per chat that has running work. */
  async #announce(deadline: number, verb: string): Promise<Map<string, MessageRef>> {
    const chats = new Map<string, ChatAddress>();
    for (const run of this.d.runs.active()) chats.set(formatChatAddress(run.chat), run.chat);
    const notices = new Map<string, MessageRef>();
    for (const [key, chat] of chats) {
      const ref = await this.d.hub.trySend(chat, { text: this.#countdownText(deadline, verb) });
      if (ref) notices.set(key, ref);
    }
    return notices;
  }

  async #countdown(
    notices: Map<string, MessageRef>,
    deadline: number,
    verb: string,
    signal: AbortSignal,
    extender: StopTimeoutExtender,
  ): Promise<void> {
    const { clock, hub, notifier } = this.d;
    while (!signal.aborted && clock.now() < deadline) {
      await clock.sleep(Math.min(COUNTDOWN_EVERY_MS, deadline - clock.now()), signal).catch(() => undefined);
      if (signal.aborted) return;
      const text = this.#countdownText(deadline, verb);
      notifier.notify({ STATUS: text });
      extender.tick();
      for (const ref of notices.values()) await hub.tryEdit(ref, { text });
    }
  }

  #countdownText(deadline: number, verb: string): string {
    const now = this.d.clock.now();
    const left = Math.max(0, Math.ceil((deadline - now) / 1000));
    const runs = this.d.runs.active();
    // liveness: a run that printed nothing for a while is shown as such, so nobody waits on a stuck one blindly
    const silent = runs.filter((r) => now - r.lastOutputAt > SILENT_AFTER_MS).length;
    const detail = silent > 0 ? ` (${silent} silent for over ${SILENT_AFTER_MS / 1000} s)` : '';
    return `🔄 ${verb} — waiting up to ${left} s for ${runs.length} running run(s) to finish${detail}.`;
  }
}
