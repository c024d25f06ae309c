/** Names of Ferry's built-in chat commands; a command plugin may not take them. */
export const RESERVED_COMMAND_IDS: ReadonlySet<string> = new Set([
  'help',
  'start',
  'new',
  'cancel',
  'restart',
  'continue',
  'status',
  'project',
  'engine',
  'engines',
  'cost',
  'journal',
  'at',
  'cron',
  'approve',
  'deny',
]);
