import { writeFileSync } from 'node:fs';
import { type ChaosEndpoints, type ChaosKnobs, chaosConfig, invalidEdit } from './chaos-config.js';
import type { PlannedFault } from './chaos-plan.js';
import type { ChaosWorld } from './chaos-world.js';
import type { DaemonSupervisor } from './daemon-supervisor.js';

export interface InjectorDeps {
  readonly world: ChaosWorld;
  readonly daemon: DaemonSupervisor;
  readonly configPath: string;
  readonly endpoints: ChaosEndpoints;
  /** Problems the faults themselves revealed (a rejected edit that stopped the daemon, …). */
  readonly violations: string[];
}

const READY_TIMEOUT_MS = 90_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const telegramWrites = (p: string) => /\/(sendMessage|editMessageText)$/i.test(p);
const telegramAny = (p: string) => /\/(sendMessage|editMessageText|getUpdates)$/i.test(p);
const slackWrites = (p: string) => /^\/api\/chat\.(postMessage|update)$/.test(p);

/**
 * Carries out one planned fault and returns a line saying what it did. Faults run one after
 * another and each leaves the daemon running on a valid config, so the next one (and the end
 * of the run) never starts a daemon from a broken file.
 */
export class FaultInjector {
  #knobs: ChaosKnobs;

  constructor(
    private readonly d: InjectorDeps,
    initial: ChaosKnobs,
  ) {
    this.#knobs = initial;
  }

  get config(): string {
    return chaosConfig(this.d.endpoints, this.#knobs);
  }

  async inject(f: PlannedFault): Promise<string> {
    const { world, daemon } = this.d;
    const v = f.variant;
    switch (f.kind) {
      case 'sigkill': {
        const after = v % 1500;
        await daemon.kill('SIGKILL', after);
        await daemon.ready(READY_TIMEOUT_MS);
        return `SIGKILL, restarted ${after} ms later`;
      }
      case 'sigterm': {
        const after = v % 1000;
        const how = await daemon.kill('SIGTERM', after);
        await daemon.ready(READY_TIMEOUT_MS);
        return `SIGTERM (exit ${how}), restarted ${after} ms later`;
      }
      case 'config-hot': {
        const k = this.#knobs;
        this.#knobs =
          v % 2 === 0
            ? { ...k, drainTimeoutS: k.drainTimeoutS === 1 ? 2 : 1 }
            : { ...k, editIntervalMs: k.editIntervalMs === 100 ? 150 : 100 };
        const reloaded = daemon.next('reloaded', 10_000);
        this.#write(this.config);
        await reloaded.catch(() => this.d.violations.push('a hot config edit was not reloaded within 10 s'));
        return `hot edit (${v % 2 === 0 ? 'restart.drain_timeout_s' : 'transports.slack.edit_interval_ms'})`;
      }
      case 'config-restart': {
        this.#knobs = { ...this.#knobs, pollTimeoutS: this.#knobs.pollTimeoutS === 2 ? 3 : 2 };
        const rebuilt = daemon.next('rebuild', 30_000);
        this.#write(this.config);
        await rebuilt.catch(() =>
          this.d.violations.push('a restart-key edit did not restart the daemon within 30 s'),
        );
        await daemon.ready(READY_TIMEOUT_MS);
        return 'restart-key edit (transports.telegram.poll_timeout_s): in-process restart';
      }
      case 'config-invalid': {
        const bad = invalidEdit(this.config, v);
        const rejected = daemon.next('rejected', 10_000);
        this.#write(bad.text);
        await rejected.catch(() =>
          this.d.violations.push(`an invalid edit (${bad.what}) was not reported within 10 s`),
        );
        await sleep(500 + (v % 1500));
        if (!daemon.running) this.d.violations.push(`an invalid edit (${bad.what}) stopped the daemon`);
        this.#write(this.config);
        await sleep(300); // the watcher settles; a daemon killed now must start from the good file
        return `invalid edit (${bad.what}), reverted`;
      }
      case 'telegram-429':
        world.telegram.fail('sendMessage', 429, { retryAfter: 1 });
        world.telegram.fail('editMessageText', 429, { retryAfter: 1 });
        return 'Telegram 429 (retry_after 1) on sendMessage and editMessageText';
      case 'telegram-5xx': {
        const n = 1 + (v % 3);
        world.telegram.fail('sendMessage', 502, { times: n });
        world.telegram.fail('getUpdates', 500);
        world.telegramProxy.failNext(1, 503, telegramWrites);
        return `Telegram 502 ×${n} on sendMessage, 500 on getUpdates, a 503 from the network`;
      }
      case 'telegram-drop': {
        const cut = world.telegramProxy.cut();
        world.telegramProxy.dropNext(2, telegramAny);
        return `Telegram: ${cut} connection(s) cut, the next 2 requests dropped`;
      }
      case 'slack-429':
        world.slack.fault('chat.postMessage', { status: 429, retryAfterS: 1 });
        world.slack.fault('chat.update', { status: 429, retryAfterS: 1 });
        return 'Slack 429 (Retry-After 1) on chat.postMessage and chat.update';
      case 'slack-5xx': {
        const n = 1 + (v % 2);
        world.slackProxy.failNext(n, 503, slackWrites);
        return `Slack 503 ×${n} on chat.postMessage/chat.update`;
      }
      case 'slack-drop': {
        if (v % 2 === 0) world.slack.hardDrop();
        else world.slack.disconnect('refresh_requested');
        const cut = world.slackProxy.cut();
        world.slackProxy.dropNext(1, slackWrites);
        return `Slack Socket Mode ${v % 2 === 0 ? 'hard drop' : 'refresh_requested'}, ${cut} Web API connection(s) cut, the next write dropped`;
      }
    }
  }

  /** Rewrites the config file in place (an editor's save), never leaving a half file behind for long. */
  #write(text: string): void {
    writeFileSync(this.d.configPath, text);
  }
}
