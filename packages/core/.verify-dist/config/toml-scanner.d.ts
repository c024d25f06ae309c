import type { TomlEntry } from './toml-entry.js';
export declare function scanToml(text: string): TomlEntry[];
