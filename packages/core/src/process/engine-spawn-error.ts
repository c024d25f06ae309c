import { FerryError } from '../errors/ferry-error.js';

export interface EngineSpawnFailure {
  readonly command: string;
  /** Config key that holds the executable's path, e.g. `engines.claude.path`. */
  readonly pathKey?: string;
  /** Set when the run's working directory is missing: node reports that as ENOENT too. */
  readonly missingCwd?: string;
}

/**
 * An engine's executable could not be started. For "not found" the message names the config
 * key that points Ferry at the executable, because that is the one thing the user must change.
 */
export class EngineSpawnError extends FerryError {
  readonly code = 'FERRY_ENGINE_SPAWN';
  readonly command: string;
  readonly pathKey: string | undefined;

  constructor(failure: EngineSpawnFailure, options: { cause: NodeJS.ErrnoException }) {
    super(describe(failure, options.cause), options);
    this.command = failure.command;
    this.pathKey = failure.pathKey;
  }
}

function describe(f: EngineSpawnFailure, cause: NodeJS.ErrnoException): string {
  if (f.missingCwd !== undefined) {
    return `engine command "${f.command}" could not start: working directory ${f.missingCwd} does not exist`;
  }
  const fix = f.pathKey === undefined ? '' : `; set ${f.pathKey} to the full path of the executable`;
  if (cause.code === 'ENOENT') return `engine command "${f.command}" not found on PATH${fix}`;
  if (cause.code === 'EACCES') return `engine command "${f.command}" is not executable${fix}`;
  return `engine command "${f.command}" could not be started: ${cause.message}${fix}`;
}
