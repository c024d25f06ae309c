import { ConfigKeyError } from './config-key-error.js';
import { parseKeyPath } from './key-path.js';
/**
 * The effective value of a key for `ferry config get` (env overrides and defaults applied):
 * `restart.drain_timeout_s`, `triggers.crons[0].chat`, `projects."my.app".path`.
 * Undefined when the key is not set and has no default.
 */
export function getConfigValue(loaded, dottedKey) {
    const path = parseKeyPath(dottedKey);
    if (!path)
        throw new ConfigKeyError(dottedKey, 'not a key path: write it like restart.drain_timeout_s');
    let value = loaded.config;
    for (const key of path) {
        if (typeof value !== 'object' || value === null || value instanceof Date)
            return undefined;
        const index = Array.isArray(value) && /^\d+$/.test(String(key)) ? Number(key) : key;
        value = Object.hasOwn(value, index) ? value[index] : undefined;
    }
    return value;
}
//# sourceMappingURL=get-config-value.js.map