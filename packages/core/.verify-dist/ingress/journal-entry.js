export const FINAL_STATES = ['done', 'skipped', 'dead'];
//# sourceMappingURL=journal-entry.js.map