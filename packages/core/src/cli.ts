#!/usr/bin/env node
import 'reflect-metadata';
import { CommanderError } from 'commander';
import { reportFailure } from './cli/cli-output.js';
import { buildProgram, commanderExit, type ExitBox } from './cli/program.js';

const exit: ExitBox = { code: 0 };
try {
  await buildProgram(exit).parseAsync(process.argv);
} catch (err) {
  exit.code = err instanceof CommanderError ? commanderExit(err) : reportFailure(err);
}
// exitCode, not exit(): pending writes (logs, the console) are flushed before the process ends
process.exitCode = exit.code;
