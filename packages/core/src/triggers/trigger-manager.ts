import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { ChatAddress } from '../api/chat-address.js';
import { formatChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { DrainReport, Lifecycle } from '../api/lifecycle.js';
import type { InboundEvent } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import { type TriggersConfig, triggersSchema } from '../config/schema.js';
import type { JournalEntry } from '../ingress/journal-entry.js';
import type { Logger } from '../logging/logger.js';
import type { StateStore } from '../state/state-store.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { type AtJob, AtJobs } from './at-jobs.js';
import { AtRunner } from './at-runner.js';
import { CronState } from './cron-state.js';
import { type CronInfo, CronTriggers } from './cron-triggers.js';
import { listenFdOf } from './listen-fd.js';
import { HOOKS_PREFIX } from './webhook-handler.js';
import { type ServerStatus, WebhookListener } from './webhook-listener.js';

export interface TriggerManagerDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly store: StateStore;
  readonly hub: TransportHub;
  readonly initial: TriggersConfig;
  /** The config file's directory: a relative `file_dir` is taken from there. */
  readonly baseDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Journals events (duplicates dropped) and dispatches the new ones; resolves once durable. */
  readonly submit: (events: readonly InboundEvent[]) => Promise<readonly JournalEntry[]>;
}

/** What `ferry status --json` shows under `triggers`. */
// a type, not an interface: the status report takes it as a plain record
export type TriggerStatus = {
  readonly enabled: boolean;
  readonly draining: boolean;
  readonly crons: readonly CronInfo[];
  readonly webhooks: readonly {
    id: string;
    url_path: string;
    auth: string;
    action: string;
    chat: string;
    enabled: boolean;
  }[];
  readonly at_pending: number;
  readonly server: ServerStatus;
};

/**
 * Crons, webhooks and `/at` one-shots (DESIGN §4). Every fire journals a synthetic inbound
 * event whose dedupe key names the trigger and slot; the dispatcher runs it like a chat
 * message, so "never twice, never lost" is the journal's guarantee. Config edits apply live
 * through `applyConfig`. A drain stops crons and `/at`; the webhook server keeps accepting
 * (journaled calls run after the restart) until `stop`.
 */
export class TriggerManager implements Lifecycle {
  #config: TriggersConfig;
  #started: Promise<void> | undefined;
  #draining = false;
  #stopped = false;
  readonly #crons: CronTriggers;
  readonly #at: AtRunner;
  readonly #jobs: AtJobs;
  readonly #webhooks: WebhookListener;

  constructor(private readonly d: TriggerManagerDeps) {
    this.#config = d.initial;
    this.#jobs = new AtJobs(d.store, d.clock);
    this.#crons = new CronTriggers({
      clock: d.clock,
      log: d.log,
      hub: d.hub,
      state: new CronState(d.store, d.clock),
      submit: d.submit,
    });
    this.#at = new AtRunner({
      clock: d.clock,
      log: d.log,
      hub: d.hub,
      jobs: this.#jobs,
      maxPerChat: () => this.#config.at_max_per_chat,
      submit: d.submit,
    });
    this.#webhooks = new WebhookListener({
      clock: d.clock,
      log: d.log,
      hub: d.hub,
      config: () => this.#config,
      fileDir: () => this.#fileDir(),
      fd: listenFdOf(d.env, process.pid),
      submit: d.submit,
      health: () => ({ state: this.#draining ? 'draining' : 'running' }),
    });
  }

  /** Arms crons (handling slots missed while down), fires due `/at` jobs, binds the webhook server. */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  async #start(): Promise<void> {
    await this.#crons.sync(this.#config, true);
    this.#at.start();
    await this.#syncServer();
  }

  /** A `[triggers]` edit: new crons arm, removed ones stop, webhook routes and secrets apply on the next call. */
  async applyConfig(next: unknown): Promise<void> {
    this.#config = triggersSchema.parse(next);
    if (!this.#started || this.#draining || this.#stopped) return;
    await this.#started;
    await this.#crons.sync(this.#config, false);
    await this.#syncServer();
    this.d.log.info(
      { crons: this.#crons.list().length, webhooks: this.#config.webhooks.length },
      'triggers reconfigured',
    );
  }

  /** Stops firing; webhook calls are still journaled (they run after the restart). */
  async drain(): Promise<DrainReport> {
    this.#draining = true;
    await Promise.all([this.#crons.stop(), this.#at.stop()]);
    return { waited: 0, interrupted: [] };
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#draining = true;
    await Promise.all([this.#crons.stop(), this.#at.stop(), this.#webhooks.close()]);
  }

  /** `/at <delay> <prompt>`; throws AtLimitError at the per-chat cap. */
  schedule(chat: ChatAddress, delayMs: number, prompt: string): AtJob {
    return this.#at.add(chat, delayMs, prompt);
  }

  pendingAt(chat: ChatAddress): AtJob[] {
    return this.#jobs.pending(sessionKeyOf(chat));
  }

  cancelAt(chat: ChatAddress, id: number): boolean {
    return this.#jobs.cancel(sessionKeyOf(chat), id);
  }

  /** `/cancel`: every pending `/at` of the chat; returns how many. */
  cancelAllAt(chat: ChatAddress): number {
    return this.#jobs.cancelAll(sessionKeyOf(chat));
  }

  /** The port the webhook server listens on (tests bind port 0). */
  get port(): number | undefined {
    return this.#webhooks.port;
  }

  status(): TriggerStatus {
    return {
      enabled: this.#config.enabled,
      draining: this.#draining,
      crons: this.#crons.list(),
      webhooks: this.#config.webhooks.map((h) => ({
        id: h.id,
        url_path: `${HOOKS_PREFIX}${h.path}`,
        auth: h.auth,
        action: h.action,
        chat: h.chat,
        enabled: h.enabled && this.#config.enabled,
      })),
      at_pending: this.#jobs.count(),
      server: this.#webhooks.status(),
    };
  }

  /** The triggers whose target is `chat` (for `/triggers`). */
  forChat(chat: ChatAddress): { crons: CronInfo[]; webhooks: TriggerStatus['webhooks']; at: AtJob[] } {
    const address = formatChatAddress(chat);
    const s = this.status();
    return {
      crons: s.crons.filter((c) => c.chat === address),
      webhooks: s.webhooks.filter((h) => h.chat === address),
      at: this.pendingAt(chat),
    };
  }

  async #syncServer(): Promise<void> {
    const failed = await this.#webhooks.sync();
    if (!failed) return;
    // reported where an operator looks; the daemon keeps running without webhooks
    for (const t of this.d.hub.list()) {
      for (const chat of t.adminChats?.() ?? [])
        await this.d.hub.trySend(chat, { text: `⚠️ ${failed.message}` });
    }
  }

  #fileDir(): string | undefined {
    const dir = this.#config.file_dir;
    if (!dir) return undefined;
    if (dir.startsWith('~/')) return join(homedir(), dir.slice(2));
    return isAbsolute(dir) ? dir : resolve(this.d.baseDir, dir);
  }
}
