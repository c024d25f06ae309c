import { type DependencyContainer, container as rootContainer } from 'tsyringe';
import type { Lifecycle } from '../api/lifecycle.js';
import type { Clock } from '../clock/clock.js';
import { SystemClock } from '../clock/system-clock.js';
import { ConfigService, INITIAL_CONFIG } from '../config/config-service.js';
import { ConfigWatcher } from '../config/config-watcher.js';
import { loadConfig } from '../config/load-config.js';
import { registerJournalOps } from '../ingress/journal-ops.js';
import { configSecrets } from '../logging/config-secrets.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { discoverPlugins } from '../plugins/plugin-discovery.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { shareHostCore } from '../plugins/share-host-core.js';
import type { RestartOutcome, RestartRequest } from '../restart/restart-coordinator.js';
import { liveRestoreStatus } from '../runs/live-runs.js';
import { StateStore } from '../state/state-store.js';
import { findInstalledUnit } from '../supervisor/installed-unit.js';
import { acquireInstanceLock, type InstanceLock } from '../supervisor/instance-lock.js';
import type { Notifier } from '../supervisor/notifier.js';
import { createNotifier } from '../supervisor/sd-notify.js';
import { publishStatusLine, statusLine } from '../supervisor/status-line.js';
import { StatusServer } from '../supervisor/status-server.js';
import { drainStopMismatch, knownStopTimeout } from '../supervisor/stop-timeout.js';
import { runWatchdog } from '../supervisor/watchdog.js';
import { CLOCK, CONFIG_SERVICE, LOGGER, PLUGIN_REGISTRY, STATE_STORE } from '../tokens.js';
import { ConfigReloader } from './config-reloader.js';
import { registerControlOps } from './control-ops.js';
import { type CoreServices, wireCoreServices } from './core-services.js';
import type { HostExit, HostOptions } from './host-options.js';
import { loadConfiguredPlugins } from './load-configured-plugins.js';
import { pluginLoadOptions, RegistryEngineSource } from './plugin-wiring.js';
import { runsForStatus, type StatusReport } from './status-report.js';

/** How long PERSIST tries to send answers that are still waiting. */
const OUTBOX_FLUSH_MS = 5_000;

/**
 * The composition root of one daemon: config, lock, store, plugins, services, transports,
 * status socket, and the restart state machine that takes it all down again in reverse.
 */
export class FerryHost {
  readonly #teardown: { owner: string; fn: () => Promise<void> | void }[] = [];
  readonly #participants: { owner: string; hooks: Lifecycle }[] = [];
  readonly #startedAt: number;
  #core: CoreServices | undefined;
  #reloader: ConfigReloader | undefined;
  /** A stop signal that arrived before the coordinator existed. */
  #signalled: RestartRequest | undefined;
  #engines!: RegistryEngineSource;

  private constructor(
    readonly options: HostOptions,
    readonly config: ConfigService,
    readonly log: Logger,
    readonly clock: Clock,
    readonly notifier: Notifier,
    readonly container: DependencyContainer,
    readonly generation: number,
  ) {
    this.#startedAt = clock.now();
  }

  /** STARTUP (DESIGN §6): everything up to READY=1. Throws (exit 1) on bad config, a held lock or a fatal plugin. */
  static async start(options: HostOptions): Promise<FerryHost> {
    const env = options.env ?? process.env;
    const loaded = loadConfig(options.configPath, env);
    const config = new ConfigService(loaded);
    const log =
      options.logger ??
      createLogger({
        level: env.FERRY_LOG_LEVEL ?? loaded.config.log_level,
        secrets: configSecrets(() => config.loaded),
      });
    const clock = options.clock ?? new SystemClock();
    const notifier = options.notifier ?? createNotifier(env, log);
    const lock = acquireInstanceLock(loaded.stateDir, loaded.path);
    shareHostCore();
    const container = rootContainer.createChildContainer();
    const host = new FerryHost(options, config, log, clock, notifier, container, options.generation ?? 1);
    // the lock writes the pid file and removes it on release
    host.#onStop('instance lock', () => lock.release());
    // before anything slow: a SIGTERM during startup must not kill the process mid-write
    if (options.handleSignals) host.#handleSignals();
    try {
      await host.#build(lock);
      return host;
    } catch (err) {
      await host.#runTeardown();
      throw err;
    }
  }

  async #build(_lock: InstanceLock): Promise<void> {
    const { container, log, clock, config } = this;
    const stateDir = config.stateDir;
    const store = StateStore.open(stateDir, { logger: log, clock });
    this.#onStop('state store', () => store.close());
    if (store.damagedMovedTo)
      log.warn({ movedTo: store.damagedMovedTo }, 'the state database was damaged and replaced');

    container.register(CLOCK, { useValue: clock });
    container.register(LOGGER, { useValue: log });
    container.register(INITIAL_CONFIG, { useValue: config.loaded });
    container.register(CONFIG_SERVICE, { useValue: config });
    container.register(STATE_STORE, { useValue: store });

    const cfg = config.current;
    const discovery = discoverPlugins({
      hostPackageDir: this.options.hostPackageDir,
      stateDir,
      paths: cfg.plugins.paths,
      enabled: cfg.plugins.enabled,
    });
    const registry = new PluginRegistry(discovery, clock);
    container.register(PLUGIN_REGISTRY, { useValue: registry });
    const loadOptions = pluginLoadOptions({
      container,
      config: () => config.loaded,
      logger: log,
      storeFor: (ns) => store.namespace(ns),
      env: this.options.env ?? process.env,
      requestShutdown: (reason) => void this.requestRestart({ reason, final: true }),
    });
    this.#engines = new RegistryEngineSource(registry, loadOptions, () => config.loaded);
    // systemd does not tell a service its TimeoutStopSec: the config or the installed unit does (DESIGN §7)
    const unit = findInstalledUnit(config.path, this.options.env ?? process.env);
    const mismatch = drainStopMismatch(
      config.current.restart.drain_timeout_s,
      knownStopTimeout(config.current.restart, config.path, unit),
    );
    if (mismatch) log.warn(mismatch);
    const core = wireCoreServices({
      container,
      clock,
      log,
      config: () => config.current,
      stateDir,
      engines: this.#engines,
      notifier: this.notifier,
      participants: () => this.#participants,
      stopTimeoutMs: () => knownStopTimeout(config.current.restart, config.path, unit)?.ms,
      env: this.options.env ?? process.env,
    });
    this.#core = core;

    const { transports, services } = await loadConfiguredPlugins(
      registry,
      loadOptions,
      cfg,
      core.commands,
      log,
    );
    this.#participants.push(...services);

    const status = new StatusServer({ stateDir, logger: log });
    registerControlOps(status, this);
    registerJournalOps(status, { journal: core.journal, dispatcher: core.dispatcher, store, clock });
    await status.listen();
    this.#onStop('status socket', () => status.close());

    for (const t of transports) {
      // a transport's own in-flight work (uploads, a webhook reply) counts in the drain too
      const drain = t.drain?.bind(t);
      if (drain) this.#participants.push({ owner: `transport:${t.id}`, hooks: { drain } });
      core.hub.add(t);
      await t.start(core.ingressSink());
      this.#onStop(`transport:${t.id}`, () => t.stop());
      await t
        .setCommands?.(core.commands.list())
        .catch((err) => log.warn({ err, transport: t.id }, 'could not publish commands'));
    }
    // PERSIST: answers still waiting get one bounded try before the transports stop
    this.#onStop('outbox', () => core.sender.stop(OUTBOX_FLUSH_MS));
    for (const p of this.#participants.filter((x) => x.owner.startsWith('service:'))) {
      try {
        await p.hooks.start?.();
        this.#onStop(p.owner, () => p.hooks.stop?.('shutdown'));
      } catch (err) {
        log.error({ err, plugin: p.owner }, 'service plugin failed to start; running without it');
        this.#participants.splice(this.#participants.indexOf(p), 1);
      }
    }

    await core.startup();
    await core.triggers.start();
    this.#onStop('triggers', () => core.triggers.stop());
    this.#reloader = new ConfigReloader({
      config,
      env: this.options.env ?? process.env,
      log,
      hub: core.hub,
      registry,
      requestRestart: (reason) => void this.requestRestart({ reason, rebuild: true }),
      applyTriggers: (next) => core.triggers.applyConfig(next),
    });
    const reloader = this.#reloader;
    const watcher = new ConfigWatcher(config.path, clock, log, async () => {
      await reloader.reload();
    });
    await watcher.start();
    this.#onStop('config watcher', () => watcher.stop());
    const watchdog = new AbortController();
    const ready = statusLine(this.status());
    const pinging = Promise.all([
      runWatchdog(this.options.env ?? process.env, this.notifier, clock, watchdog.signal),
      publishStatusLine(this.notifier, clock, () => this.status(), watchdog.signal, ready),
    ]);
    this.#onStop('watchdog', async () => {
      watchdog.abort();
      await pinging;
    });
    this.notifier.notify({ READY: '1', STATUS: ready });
    log.info(
      { transports: core.hub.ids(), engine: config.current.default_engine, config: config.path },
      'ferry is ready',
    );
    if (this.#signalled) void this.requestRestart(this.#signalled);
  }

  get #services(): CoreServices {
    if (!this.#core) throw new Error('the host is not built yet');
    return this.#core;
  }

  /** RUNNING → DRAINING. Duplicate requests join the first. */
  requestRestart(req: RestartRequest): Promise<RestartOutcome> {
    return this.#services.coordinator.request(req);
  }

  /** Resolves once a restart/stop was requested, drained and persisted: exit, or rebuild in-process. */
  async run(): Promise<HostExit> {
    const outcome = await this.#services.coordinator.drained;
    this.#services.coordinator.markStopping();
    await this.#runTeardown();
    // under a supervisor exiting is the restart
    const rebuild = outcome.rebuild && !this.#supervised;
    if (!rebuild) this.notifier.close();
    this.log.info(
      { reason: outcome.reason, rebuild, generation: this.generation },
      rebuild ? 'restarting in-process' : 'stopped',
    );
    return { code: 0, rebuild };
  }

  /** systemd (Type=notify sets NOTIFY_SOCKET; every unit gets INVOCATION_ID) or FERRY_SUPERVISED=1. */
  get #supervised(): boolean {
    const env = this.options.env ?? process.env;
    return Boolean(env.NOTIFY_SOCKET || env.INVOCATION_ID || env.FERRY_SUPERVISED === '1');
  }

  status(): StatusReport {
    return {
      pid: process.pid,
      generation: this.generation,
      state: this.#services.coordinator.state,
      config_path: this.config.path,
      transports: this.#services.hub.ids(),
      engines: this.#engines.ids(),
      runs: runsForStatus(this.#services.runs.active()),
      queued: this.#services.runs.queued(),
      journal: {
        pending: this.#services.journal.count(['pending']),
        dead: this.#services.journal.count(['dead']),
      },
      triggers: this.#services.triggers.status(),
      started_at: new Date(this.#startedAt).toISOString(),
      drain_timeout_s: this.config.current.restart.drain_timeout_s,
      live_restore: liveRestoreStatus(this.config.current.restart.live_restore, this.#services.live),
      ...(this.#reloader?.lastError ? { config_error: this.#reloader.lastError.message } : {}),
    };
  }

  #onStop(owner: string, fn: () => Promise<void> | void): void {
    this.#teardown.push({ owner, fn });
  }

  /** Stops in reverse start order; one failing step is logged and the rest still run. */
  async #runTeardown(): Promise<void> {
    for (const { owner, fn } of this.#teardown.splice(0).reverse()) {
      try {
        await fn();
      } catch (err) {
        this.log.error({ err, owner }, 'shutdown step failed');
      }
    }
  }

  #handleSignals(): void {
    let count = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      count++;
      this.log.info({ signal, count }, count > 1 ? 'second signal: not waiting for runs' : 'stopping');
      // a supervised SIGTERM is usually a restart, so live restore hands runs over; in the
      // foreground nothing may come back, so runs are drained (docs/live-restore.md)
      const drain = !(signal === 'SIGTERM' && this.#supervised);
      const req = { reason: signal, force: count > 1, drain };
      if (this.#core) void this.requestRestart(req);
      else this.#signalled = req;
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    this.#onStop('signal handlers', () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }
}
