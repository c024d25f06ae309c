export {};
//# sourceMappingURL=host-state.js.map