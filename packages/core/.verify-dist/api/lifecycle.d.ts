/** What a drain is asked to do: finish own work before `deadline` or report what was cut. */
export interface DrainRequest {
    /** Epoch ms by which the owner must have finished or given up. */
    readonly deadline: number;
    readonly reason: string;
    /** Aborted when the drain must stop waiting at once (`/restart --force`, second signal). */
    readonly signal: AbortSignal;
}
/** Work a drain had to cut off; the host writes it into the restart manifest. */
export interface InterruptedWork {
    readonly owner: string;
    readonly description: string;
    readonly data?: Readonly<Record<string, unknown>>;
}
export interface DrainReport {
    readonly waited: number;
    readonly interrupted: readonly InterruptedWork[];
}
/** A config change as seen by one owner: the keys under its section that differ. */
export interface ConfigDelta {
    /** Dotted key paths that changed, relative to the config root. */
    readonly keys: readonly string[];
    readonly previous: unknown;
    readonly next: unknown;
}
export type ConfigChangeVerdict = 'hot' | 'restart' | 'ignore';
/**
 * Hooks the host calls on services and plugins. Start runs in dependency order, stop in
 * reverse; drain comes before stop. Every hook has a deadline and a late one is named.
 */
export interface Lifecycle {
    start?(): Promise<void>;
    drain?(req: DrainRequest): Promise<DrainReport>;
    stop?(reason: string): Promise<void>;
    onConfigChange?(delta: ConfigDelta): ConfigChangeVerdict;
    applyConfig?(next: unknown): Promise<void>;
}
