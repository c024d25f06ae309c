import { inject, injectable } from 'tsyringe';
import type { Token } from '../tokens.js';
import { diffKeys } from './diff-keys.js';
import type { LoadedConfig } from './loaded-config.js';
import type { FerryConfig } from './schema.js';

/**
 * The config the host started with. The composition root loads it (`loadConfig`) and
 * registers it under this token before resolving CONFIG_SERVICE, so a load error surfaces
 * at startup as one line, not as a DI resolution failure.
 */
export const INITIAL_CONFIG = Symbol.for('ferry.initialConfig') as Token<LoadedConfig>;

/** Holds the current config. Register it as a singleton in the host's container. */
@injectable()
export class ConfigService {
  #loaded: LoadedConfig;

  constructor(@inject(INITIAL_CONFIG) initial: LoadedConfig) {
    this.#loaded = initial;
  }

  get path(): string {
    return this.#loaded.path;
  }

  get stateDir(): string {
    return this.#loaded.stateDir;
  }

  get current(): FerryConfig {
    return this.#loaded.config;
  }

  get loaded(): LoadedConfig {
    return this.#loaded;
  }

  /**
   * The live-reload seam: swaps in a newly loaded config and returns the dotted keys whose
   * effective values changed (defaults applied, so writing out a default changes nothing).
   * Deciding hot vs restart per key belongs to the reload flow, not here.
   */
  replace(next: LoadedConfig): string[] {
    const changed = diffKeys(this.#loaded.config, next.config);
    this.#loaded = next;
    return changed;
  }
}
