import { formatChatAddress, parseChatAddress } from '../api/chat-address.js';
import type { InboundEvent } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { CronConfig, TriggersConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { CronSchedule, localTimeZone } from './cron-schedule.js';
import { CronScheduler } from './cron-scheduler.js';
import type { CronState, CronStateRow } from './cron-state.js';
import { describeSchedule } from './describe-schedule.js';
import { cronEvent } from './trigger-events.js';

/** Missed slots counted at start, at most (a per-second cron down for a week is "many"). */
const MAX_MISSED_COUNTED = 10_000;

interface ActiveCron {
  readonly config: CronConfig;
  readonly schedule: CronSchedule;
  readonly fingerprint: string;
  finished: boolean;
}

export interface CronInfo {
  readonly id: string;
  readonly schedule: string;
  readonly timezone: string;
  readonly description: string;
  readonly chat: string;
  readonly run_once: boolean;
  readonly finished: boolean;
  readonly next: string | null;
  readonly last_fired: string | null;
}

export interface CronTriggerDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly hub: TransportHub;
  readonly state: CronState;
  readonly submit: (events: readonly InboundEvent[]) => Promise<unknown>;
}

/**
 * The configured crons of one generation: which are armed, their fire history, and firing.
 * Firing journals a `cron:<id>:<slot>` event (the journal's unique key is what makes a slot
 * fire once across crashes), then records the slot.
 */
export class CronTriggers {
  readonly #active = new Map<string, ActiveCron>();
  readonly #scheduler: CronScheduler;

  constructor(private readonly d: CronTriggerDeps) {
    this.#scheduler = new CronScheduler(d.clock, d.log, (id, slot) => this.#fire(id, slot));
  }

  /**
   * Arms what `cfg` asks for and disarms the rest. At start (`atStart`) each cron first
   * re-journals a slot a crash cut, and handles slots missed while Ferry was down.
   */
  async sync(cfg: TriggersConfig, atStart: boolean): Promise<void> {
    const wanted = new Map((cfg.enabled ? cfg.crons.filter((c) => c.enabled) : []).map((c) => [c.id, c]));
    for (const id of this.#active.keys()) {
      if (!wanted.has(id)) {
        this.#scheduler.remove(id);
        this.#active.delete(id);
      }
    }
    for (const config of wanted.values()) {
      const zone = config.timezone ?? cfg.timezone ?? localTimeZone();
      const schedule = new CronSchedule(config.schedule, zone);
      const fingerprint = JSON.stringify([config.schedule, zone, config.run_once]);
      const previous = this.#active.get(config.id);
      if (
        previous &&
        previous.fingerprint === fingerprint &&
        (previous.finished || this.#scheduler.has(config.id))
      ) {
        // same schedule: the armed loop stays; prompt, chat and engine are read when it fires
        this.#active.set(config.id, { ...previous, config });
        continue;
      }
      const known = this.d.state.get(config.id);
      let row = this.d.state.ensure(config.id, fingerprint);
      if (!atStart && !previous && known?.fingerprint === fingerprint) {
        // switched back on while running: slots while it was off were not "missed"
        this.d.state.restartHistory(config.id);
        row = this.d.state.get(config.id) ?? row;
      }
      const cron: ActiveCron = { config, schedule, fingerprint, finished: row.finished };
      this.#active.set(config.id, cron);
      if (cron.finished) {
        this.#scheduler.remove(config.id);
        continue;
      }
      if (atStart) await this.#recover(cron, row);
      if (cron.finished) continue;
      const last = this.d.state.get(config.id)?.lastSlot ?? 0;
      this.#scheduler.set(config.id, schedule, Math.max(this.d.clock.now(), last));
    }
  }

  /** Stops every timer; a fire in progress finishes journaling first. */
  async stop(): Promise<void> {
    await this.#scheduler.stopAll();
  }

  list(): CronInfo[] {
    return [...this.#active.values()].map((c) => {
      const next = this.#scheduler.next(c.config.id);
      const last = this.d.state.get(c.config.id)?.lastSlot;
      return {
        id: c.config.id,
        schedule: c.config.schedule,
        timezone: c.schedule.timezone,
        description: describeSchedule(c.config.schedule, c.schedule.timezone),
        chat: c.config.chat,
        run_once: c.config.run_once,
        finished: c.finished,
        next: next === undefined || c.finished ? null : new Date(next).toISOString(),
        last_fired: last === undefined ? null : new Date(last).toISOString(),
      };
    });
  }

  async #recover(cron: ActiveCron, row: CronStateRow): Promise<void> {
    const { id } = cron.config;
    if (row.firingSlot !== undefined) {
      // a crash cut this fire: journal it again; if it got there, the dedupe key drops it
      await this.#journal(cron, row.firingSlot);
      if (cron.finished) return;
    }
    const now = this.d.clock.now();
    const from = Math.max(this.d.state.get(id)?.lastSlot ?? 0, row.knownSince);
    const missed = cron.schedule.between(from, now, MAX_MISSED_COUNTED);
    const last = missed.at(-1);
    if (last === undefined) return;
    const count = missed.length >= MAX_MISSED_COUNTED ? `${MAX_MISSED_COUNTED}+` : String(missed.length);
    this.d.log.warn(
      { cron: id, missed: missed.length, last: new Date(last).toISOString(), catchUp: cron.config.catch_up },
      'cron slots missed while Ferry was down',
    );
    if (cron.config.catch_up) {
      await this.#journal(cron, last);
      return;
    }
    this.d.state.fired(id, last, false);
    const chat = parseChatAddress(cron.config.chat);
    if (this.d.hub.has(chat.transport)) {
      await this.d.hub.trySend(chat, {
        text: `⏰ cron:${id} missed ${count} slot(s) while Ferry was down (last ${new Date(last).toISOString()}); not run, as catch_up = false.`,
      });
    }
  }

  async #fire(id: string, slot: number): Promise<void> {
    const cron = this.#active.get(id);
    if (!cron || cron.finished) return;
    await this.#journal(cron, slot);
  }

  /** firing → journal → fired: a crash anywhere in between is repaired at the next start. */
  async #journal(cron: ActiveCron, slot: number): Promise<void> {
    const { config } = cron;
    const chat = parseChatAddress(config.chat);
    if (!this.d.hub.has(chat.transport)) {
      this.d.log.warn(
        { cron: config.id, chat: formatChatAddress(chat) },
        'cron target is on a transport that is not running; slot skipped',
      );
      this.d.state.fired(config.id, slot, false);
      return;
    }
    this.d.state.firing(config.id, slot);
    try {
      const now = this.d.clock.now();
      await this.d.submit([
        cronEvent(config, slot, now, describeSchedule(config.schedule, cron.schedule.timezone)),
      ]);
    } catch (err) {
      // firing_slot stays set: the next start journals it again
      this.d.log.error({ err, cron: config.id }, 'could not journal a cron fire');
      return;
    }
    this.d.state.fired(config.id, slot, config.run_once);
    if (config.run_once) {
      cron.finished = true;
      this.#scheduler.remove(config.id);
      this.d.log.info({ cron: config.id }, 'run_once cron fired; it will not fire again');
    }
  }
}
