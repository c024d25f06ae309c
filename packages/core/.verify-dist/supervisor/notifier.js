export {};
//# sourceMappingURL=notifier.js.map