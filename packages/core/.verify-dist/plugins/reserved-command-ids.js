/** Names of Ferry's built-in chat commands; a command plugin may not take them. */
export const RESERVED_COMMAND_IDS = new Set([
    'help',
    'start',
    'new',
    'cancel',
    'restart',
    'continue',
    'status',
    'project',
    'engines',
    'journal',
    'at',
    'cron',
    'approve',
    'deny',
]);
//# sourceMappingURL=reserved-command-ids.js.map