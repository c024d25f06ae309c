import type { Command } from 'commander';
import type { ReportExit } from './report-exit.js';
/** `ferry plugins list|add|remove`. */
export declare function pluginCommands(program: Command, set: ReportExit): void;
