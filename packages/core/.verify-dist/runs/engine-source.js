export {};
//# sourceMappingURL=engine-source.js.map