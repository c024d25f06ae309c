import type { Token } from '../tokens.js';
import type { LoadedConfig } from './loaded-config.js';
import type { FerryConfig } from './schema.js';
/**
 * The config the host started with. The composition root loads it (`loadConfig`) and
 * registers it under this token before resolving CONFIG_SERVICE, so a load error surfaces
 * at startup as one line, not as a DI resolution failure.
 */
export declare const INITIAL_CONFIG: Token<LoadedConfig>;
/** Holds the current config. Register it as a singleton in the host's container. */
export declare class ConfigService {
    #private;
    constructor(initial: LoadedConfig);
    get path(): string;
    get stateDir(): string;
    get current(): FerryConfig;
    get loaded(): LoadedConfig;
    /**
     * The live-reload seam: swaps in a newly loaded config and returns the dotted keys whose
     * effective values changed (defaults applied, so writing out a default changes nothing).
     * Deciding hot vs restart per key belongs to the reload flow, not here.
     */
    replace(next: LoadedConfig): string[];
}
