export {};
//# sourceMappingURL=run-job.js.map