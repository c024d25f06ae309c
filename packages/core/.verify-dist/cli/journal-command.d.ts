import type { Command } from 'commander';
import type { ReportExit } from './report-exit.js';
/** `ferry journal list|show|replay|drop`: the operator's tool for dead letters (docs/journal.md). */
export declare function journalCommands(program: Command, set: ReportExit): void;
