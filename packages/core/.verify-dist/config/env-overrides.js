import { ConfigInvalidError } from './config-invalid-error.js';
import { formatKeyPath } from './key-path.js';
import { childSchema, knownKeys } from './schema-shape.js';
import { readTomlValue } from './toml-value.js';
export const ENV_OVERRIDE_PREFIX = 'FERRY__';
/** Where an issue in an override is reported instead of a file path. */
export function envOverrideFile(name) {
    return `env ${name}`;
}
/**
 * Applies every `FERRY__A__B__C=value` in `env` to `raw`, in place (DESIGN §10). Each level is
 * matched case-insensitively against the keys already in the file, then the keys `schema`
 * declares, else lower-cased; under `[engines.<id>.env]` an unknown name keeps its case, since
 * it becomes a variable name for the engine. Values are read as TOML when they parse as TOML.
 * Variables are applied in name order, so a deeper override wins over a whole-table one.
 */
export function applyEnvOverrides(raw, env, schema) {
    const applied = [];
    const issues = [];
    const names = Object.keys(env)
        .filter((name) => name.startsWith(ENV_OVERRIDE_PREFIX))
        .sort();
    for (const name of names) {
        const text = env[name];
        if (text === undefined)
            continue;
        const segments = name.slice(ENV_OVERRIDE_PREFIX.length).split('__');
        const file = envOverrideFile(name);
        if (segments.some((s) => s === '')) {
            issues.push({
                file,
                key: segments.join('.').toLowerCase(),
                problem: 'empty key level: separate levels with exactly "__", e.g. FERRY__RESTART__DRAIN_TIMEOUT_S',
            });
            continue;
        }
        const value = readTomlValue(text).value;
        const result = setPath(raw, segments, value, schema);
        if ('problem' in result)
            issues.push({ file, key: result.key, problem: result.problem });
        else
            applied.push({ name, path: result.path, value });
    }
    const [first, ...rest] = issues;
    if (first)
        throw new ConfigInvalidError([first, ...rest]);
    return applied;
}
function setPath(raw, segments, value, schema) {
    const path = [];
    let container = raw;
    let node = schema;
    for (const [i, segment] of segments.entries()) {
        const key = resolveKey(container, node, segment, path);
        path.push(key);
        node = childSchema(node, key);
        const fail = (problem) => ({
            key: formatKeyPath([...path, ...segments.slice(i + 1).map((s) => s.toLowerCase())]),
            problem,
        });
        if (Array.isArray(container) && (typeof key !== 'number' || key >= container.length)) {
            return fail(`no such element: the array has ${container.length} (indices from 0)`);
        }
        if (i === segments.length - 1) {
            container[key] = value;
            return { path };
        }
        let next = Object.hasOwn(container, key)
            ? container[key]
            : undefined;
        if (next === undefined) {
            next = {};
            container[key] = next;
        }
        else if (!isContainer(next)) {
            return fail(`cannot set a key inside ${formatKeyPath(path)}: it is a ${typeof next}, not a table`);
        }
        container = next;
    }
    return { path };
}
function resolveKey(container, node, segment, parent) {
    if (Array.isArray(container))
        return /^\d+$/.test(segment) ? Number(segment) : segment;
    if (Object.hasOwn(container, segment))
        return segment;
    const lower = segment.toLowerCase();
    const existing = Object.keys(container).find((k) => k.toLowerCase() === lower);
    if (existing !== undefined)
        return existing;
    const known = knownKeys(node).find((k) => k.toLowerCase() === lower);
    if (known !== undefined)
        return known;
    if (parent.length === 3 && parent[0] === 'engines' && parent[2] === 'env')
        return segment;
    return lower;
}
function isContainer(value) {
    return typeof value === 'object' && value !== null && !(value instanceof Date);
}
//# sourceMappingURL=env-overrides.js.map