import type { Command } from 'commander';
import type { ReportExit } from './report-exit.js';
/** `ferry config path|get|set|check`. */
export declare function configCommands(program: Command, set: ReportExit): void;
