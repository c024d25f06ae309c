/**
 * Live restore (API 1.3): the host's offer to let a run's engine outlive the host. Passed as
 * `RunRequest.detached`; a runner hands it to `startEngineProcess({ detach })` and needs to do
 * nothing else. When the host restarts, the engine keeps running under a small shim, and the
 * next host calls the runner again with the same request: `startEngineProcess` then attaches to
 * the running engine (or reads the output of one that finished meanwhile) instead of starting
 * a new one, and the runner sees the engine's whole output from the start, so it rebuilds its
 * state exactly as the first time. `EngineProcess.reattached` tells it not to send the first
 * input again; `EngineProcess.previousInput()` is what was already written to stdin.
 */
export interface DetachedRun {
  /** The run's directory in the state dir (log, stdin channel, exit status). */
  readonly dir: string;
  /** How the shim leaves the host's process tree: a systemd scope, or its own session. */
  readonly scope: 'systemd' | 'session';
  /**
   * Set by the host when it hands the run over to the next generation: stopping the process
   * then only lets go of it, and the engine runs on.
   */
  readonly released: boolean;
}
