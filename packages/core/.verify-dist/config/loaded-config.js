export {};
//# sourceMappingURL=loaded-config.js.map