import type { KeyPath } from './key-path.js';
import type { TomlEntry } from './toml-entry.js';
/**
 * Finds the line of a key path (as zod reports it) in TOML text. A missing key is reported
 * at its nearest existing parent, so "required key missing" points at its `[table]`.
 */
export declare class KeyLocator {
    #private;
    readonly entries: readonly TomlEntry[];
    constructor(entries: readonly TomlEntry[]);
    static fromText(text: string): KeyLocator;
    /** The entry written for exactly this path. */
    find(path: KeyPath): TomlEntry | undefined;
    /** The entry for the path or, failing that, for its longest existing prefix. */
    nearest(path: KeyPath): TomlEntry | undefined;
    locate(path: KeyPath): number | undefined;
}
export declare function locateKey(text: string, path: KeyPath): number | undefined;
