export {};
//# sourceMappingURL=report-exit.js.map