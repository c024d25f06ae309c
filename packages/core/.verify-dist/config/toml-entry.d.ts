import type { KeyPath } from './key-path.js';
export type TomlEntryKind = 'table' | 'array-table' | 'key' | 'element' | 'implicit';
/** One header, key, array element or implicit table found by `scanToml`. */
export interface TomlEntry {
    readonly kind: TomlEntryKind;
    /** Resolved path: `[[a]]` headers get their element index (`['a', 1]`). */
    readonly path: KeyPath;
    /** 1-based line of the header, key or array element. */
    readonly line: number;
    /** The `[table]` or `[[array]]` element the entry is written under; `[]` is the top level. */
    readonly section: KeyPath;
    /** Inside an inline table or array value, so not editable as a line of its own. */
    readonly inline: boolean;
    /** For implicit tables: created by a header's prefix rather than by a dotted key. */
    readonly viaHeader: boolean;
    /** Value text span (keys and elements); multi-line values included, trailing blanks not. */
    readonly valueStart: number;
    readonly valueEnd: number;
}
