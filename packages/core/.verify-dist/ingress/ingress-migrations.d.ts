import type { Migration } from '../state/state-store.js';
export declare const INGRESS_MIGRATIONS: readonly Migration[];
