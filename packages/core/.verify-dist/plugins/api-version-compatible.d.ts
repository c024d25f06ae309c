/**
 * A plugin written for API M.m runs on a host implementing M.n when m ≤ n: minors only add.
 * Anything unparsable is incompatible rather than guessed at.
 */
export declare function isApiVersionCompatible(pluginVersion: string, hostVersion: string): boolean;
