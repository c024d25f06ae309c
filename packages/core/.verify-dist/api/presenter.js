export {};
//# sourceMappingURL=presenter.js.map