export {};
//# sourceMappingURL=plugin-context.js.map