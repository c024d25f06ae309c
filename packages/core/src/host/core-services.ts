import type { DependencyContainer } from 'tsyringe';
import type { Lifecycle } from '../api/lifecycle.js';
import type { Clock } from '../clock/clock.js';
import { builtinCommands } from '../commands/builtin-commands.js';
import { CommandRegistry } from '../commands/command-registry.js';
import type { FerryConfig } from '../config/schema.js';
import { Dispatcher } from '../ingress/dispatcher.js';
import { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import { RecoveryService } from '../restart/recovery-service.js';
import { RestartCoordinator } from '../restart/restart-coordinator.js';
import { AnswerDelivery } from '../runs/answer-delivery.js';
import { APPROVALS_CONFIG, ApprovalBroker, type ApprovalsConfigReader } from '../runs/approval-broker.js';
import { APPROVAL_MODE_SOURCES, ApprovalModes, approvalModeSources } from '../runs/approval-modes.js';
import { ApprovalStore } from '../runs/approval-store.js';
import { CostLedger } from '../runs/cost-ledger.js';
import type { EngineSource } from '../runs/engine-source.js';
import { LIVE_RUNS, LiveRuns } from '../runs/live-runs.js';
import { Outbox } from '../runs/outbox.js';
import { OutboxSender } from '../runs/outbox-sender.js';
import { ProjectRouter } from '../runs/project-router.js';
import { Reasons } from '../runs/reasons.js';
import { RunLedger } from '../runs/run-ledger.js';
import { RunService } from '../runs/run-service.js';
import { SessionStore } from '../runs/session-store.js';
import type { StateStore } from '../state/state-store.js';
import type { Notifier } from '../supervisor/notifier.js';
import { ENGINE_SOURCE, INGRESS_JOURNAL, STATE_STORE, TRANSPORT_HUB } from '../tokens.js';
import { TransportHub } from '../transports/transport-hub.js';
import { triggerCommands } from '../triggers/trigger-commands.js';
import { TriggerManager } from '../triggers/trigger-manager.js';

export interface CoreServiceDeps {
  /** Has CLOCK, LOGGER and STATE_STORE registered. */
  readonly container: DependencyContainer;
  readonly clock: Clock;
  readonly log: Logger;
  readonly config: () => FerryConfig;
  readonly stateDir: string;
  readonly engines: EngineSource;
  readonly notifier: Notifier;
  readonly participants: () => readonly { owner: string; hooks: Lifecycle }[];
  /** systemd's stop timeout when known; a drain that needs longer extends it (EXTEND_TIMEOUT_USEC). */
  readonly stopTimeoutMs?: () => number | undefined;
  /** The host's environment (socket activation: `LISTEN_FDS`); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Wires the core services of one generation in dependency order: the journal, the run
 * service and its stores, commands, the dispatcher, recovery and the restart coordinator.
 * The host and the service tests build generations the same way through this.
 */
export function wireCoreServices(d: CoreServiceDeps) {
  const { container: c, clock, log, config } = d;
  const hub = c.resolve(TransportHub);
  c.register(TRANSPORT_HUB, { useValue: hub });
  const journal = c.resolve(IngressJournal);
  c.register(INGRESS_JOURNAL, { useValue: journal });
  c.register(ENGINE_SOURCE, { useValue: d.engines });
  // one instance each per generation: tsyringe resolves classes as transients unless told otherwise
  c.registerSingleton(SessionStore);
  c.registerSingleton(RunLedger);
  c.registerSingleton(Outbox);
  c.registerSingleton(CostLedger);
  c.registerSingleton(AnswerDelivery);
  c.register(APPROVALS_CONFIG, { useValue: (() => config().approvals) satisfies ApprovalsConfigReader });
  c.registerSingleton(ApprovalStore);
  c.register(APPROVAL_MODE_SOURCES, {
    useFactory: (dc) =>
      approvalModeSources(config, new ProjectRouter(config, dc.resolve(SessionStore), d.stateDir)),
  });
  c.registerSingleton(ApprovalModes);
  c.registerSingleton(ApprovalBroker);
  const live = new LiveRuns({
    stateDir: d.stateDir,
    restart: () => config().restart,
    log,
    env: d.env ?? process.env,
  });
  c.register(LIVE_RUNS, { useValue: live });
  c.registerSingleton(RunService);
  const sessions = c.resolve(SessionStore);
  const ledger = c.resolve(RunLedger);
  const outbox = c.resolve(Outbox);
  const costs = c.resolve(CostLedger);
  const runs = c.resolve(RunService);
  const router = new ProjectRouter(config, sessions, d.stateDir);
  const coordinator = new RestartCoordinator({
    clock,
    log,
    runs,
    hub,
    notifier: d.notifier,
    drainTimeoutMs: () => config().restart.drain_timeout_s * 1000,
    stuckAfterMs: () => config().restart.stuck_after_s * 1000,
    liveRestore: () => config().restart.live_restore && live.unsupported() === undefined,
    participants: () => [...d.participants(), { owner: 'triggers', hooks: triggers }],
    stopTimeoutMs: d.stopTimeoutMs,
  });
  const sender = new OutboxSender(outbox, hub, clock, log);
  const reasons = new Reasons(outbox, sender);
  const recovery = new RecoveryService({
    clock,
    log,
    journal,
    ledger,
    outbox,
    sender,
    reasons,
    runs,
    hub,
    live,
    restart: () => config().restart,
    maxAttempts: () => config().ingress.max_attempts,
  });
  // triggers journal synthetic events and let the dispatcher run them (started by the host after STARTUP)
  const triggers = new TriggerManager({
    clock,
    log,
    store: c.resolve<StateStore>(STATE_STORE),
    hub,
    initial: config().triggers,
    baseDir: d.stateDir,
    env: d.env ?? process.env,
    submit: async (events) => {
      const fresh = await journal.append(events);
      if (coordinator.state !== 'starting') dispatcher.dispatch(fresh);
      return fresh;
    },
  });
  const commands = c.resolve(CommandRegistry);
  for (const command of builtinCommands({
    clock,
    runs,
    approvals: { modes: c.resolve(ApprovalModes), store: c.resolve(ApprovalStore) },
    sessions,
    ledger,
    costs,
    engines: d.engines,
    router,
    registry: commands,
    requestRestart: ({ force, session }) =>
      void coordinator.request({ reason: '/restart', force, session, rebuild: true }),
    continueRun: (session) => recovery.continueRun(session),
    cancelPendingAt: (chat) => triggers.cancelAllAt(chat),
  })) {
    commands.add(command, '@ferry/core');
  }
  for (const command of triggerCommands(triggers, clock)) commands.add(command, '@ferry/core');
  // the old name keeps working; only /engine is in the menus
  commands.alias('engines', 'engine');
  const dispatcher = new Dispatcher({
    clock,
    log,
    journal,
    runs,
    approvals: c.resolve(ApprovalBroker),
    commands,
    router,
    engines: d.engines,
    hub,
    reasons,
    ingress: () => config().ingress,
    draining: () => coordinator.draining,
  });

  return {
    hub,
    journal,
    sessions,
    ledger,
    outbox,
    costs,
    runs,
    live,
    router,
    sender,
    coordinator,
    recovery,
    commands,
    dispatcher,
    triggers,
    /** What transports are handed: journal first, then dispatch unless still starting. */
    ingressSink() {
      return {
        accept: async (
          events: Parameters<IngressJournal['append']>[0],
          cursor?: Parameters<IngressJournal['append']>[1],
        ) => {
          const fresh = await journal.append(events, cursor);
          // while starting, the backlog pass after recovery picks them up
          if (coordinator.state !== 'starting') dispatcher.dispatch(fresh);
        },
        cursor: (key: string) => journal.cursor(key),
      };
    },
    /** STARTUP's tail (DESIGN §6): repair what the last generation left, then RUNNING and the backlog. */
    async startup() {
      const report = await recovery.recover();
      const retentionMs = config().ingress.retention_s * 1000;
      journal.prune(retentionMs);
      outbox.prune(retentionMs);
      coordinator.markRunning();
      sender.start();
      dispatcher.dispatch(journal.list(['pending']));
      return report;
    },
  };
}

export type CoreServices = ReturnType<typeof wireCoreServices>;
