import { type KeyPath } from './key-path.js';
/**
 * Sets `path` to `valueText` (already TOML) by editing the text, so comments and layout
 * survive: an existing value's span is replaced (all of it, for a multi-line value); a new
 * key goes after the last key of its table; a missing table is appended at the end.
 */
export declare function setTomlValue(text: string, path: KeyPath, valueText: string): string;
