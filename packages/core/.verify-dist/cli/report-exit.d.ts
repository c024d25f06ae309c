/** Hands an action's exit code back to the CLI entry; commander awaits the returned promise. */
export type ReportExit = (action: Promise<number>) => Promise<void>;
