import type { Command } from 'commander';
import type { ReportExit } from './report-exit.js';
/** `ferry init`: writes a commented ferry.toml, asking what it needs (or taking flags). */
export declare function initCommand(program: Command, set: ReportExit): void;
