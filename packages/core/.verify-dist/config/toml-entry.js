export {};
//# sourceMappingURL=toml-entry.js.map