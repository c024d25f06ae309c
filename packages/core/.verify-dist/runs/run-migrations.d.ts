import type { Migration } from '../state/state-store.js';
export declare const RUN_MIGRATIONS: readonly Migration[];
