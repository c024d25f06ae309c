import { formatKeyPath } from './key-path.js';
/**
 * The dotted keys whose values differ between two configs, sorted. Tables present on both
 * sides are compared key by key; anything else (arrays, a table added or removed) is one
 * key, so adding `[transports.slack]` reports `transports.slack`, not each of its keys.
 */
export function diffKeys(a, b) {
    const changed = [];
    walk(a, b, [], changed);
    return changed.sort();
}
function walk(a, b, path, changed) {
    if (isTable(a) && isTable(b)) {
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
            walk(a[key], b[key], [...path, key], changed);
        }
    }
    else if (!deepEqual(a, b)) {
        changed.push(formatKeyPath(path));
    }
}
function deepEqual(a, b) {
    if (Object.is(a, b))
        return true;
    // toISOString, not getTime: TOML local dates and offsets are part of the value.
    if (a instanceof Date && b instanceof Date)
        return a.toISOString() === b.toISOString();
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (isTable(a) && isTable(b)) {
        const keys = Object.keys(a);
        return (keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k])));
    }
    return false;
}
function isTable(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
//# sourceMappingURL=diff-keys.js.map