export function pluginLabel(record) {
    return `${record.kind}:${record.id}`;
}
//# sourceMappingURL=plugin-record.js.map