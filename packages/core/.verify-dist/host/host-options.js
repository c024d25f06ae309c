export {};
//# sourceMappingURL=host-options.js.map