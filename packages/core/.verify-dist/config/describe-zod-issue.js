import { childSchema, knownKeys } from './schema-shape.js';
// zod's own messages start like this; anything else was written by a schema author for humans.
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too small|Too big|Unrecognized)/;
// Never echo these values: an error line ends up in logs and chat.
const SECRET_KEY = /token|secret|password|passphrase|api_?key|credential/i;
/**
 * Rephrases one zod issue for a person editing ferry.toml (`expected number, got string "2m"`).
 * `schema` is the schema the issue's path is relative to, used to suggest known keys.
 * An `unrecognized_keys` issue becomes one entry per unknown key, located at that key.
 */
export function describeZodIssue(issue, schema) {
    const path = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
    if (issue.code === 'unrecognized_keys') {
        const known = knownKeys(path.reduce((node, key) => childSchema(node, key), schema));
        return (issue.keys ?? []).map((key) => ({
            path: [...path, key],
            problem: `unknown key ${JSON.stringify(key)}${suggestion(key, known)}`,
        }));
    }
    const last = path.at(-1);
    const secret = typeof last === 'string' && SECRET_KEY.test(last);
    const got = describeValue(issue.input, secret);
    if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) {
        return [{ path, problem: issue.input === undefined ? issue.message : `${issue.message}, got ${got}` }];
    }
    return [{ path, problem: problemOf(issue, got) }];
}
function problemOf(issue, got) {
    switch (issue.code) {
        case 'invalid_type':
            if (issue.input === undefined)
                return `required key is missing (expected ${typeName(issue.expected)})`;
            return `expected ${typeName(issue.expected)}, got ${got}`;
        case 'too_small':
        case 'too_big': {
            const bound = boundText(issue);
            return bound === 'must not be empty' ? bound : `${bound}, got ${got}`;
        }
        case 'invalid_value': {
            const values = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
            return `${(issue.values?.length ?? 0) === 1 ? 'must be' : 'must be one of'} ${values}, got ${got}`;
        }
        case 'invalid_format':
            return `${formatText(issue)}, got ${got}`;
        case 'not_multiple_of':
            return `must be a multiple of ${String(issue.divisor)}, got ${got}`;
        case 'invalid_union':
            return `does not match any accepted form, got ${got}`;
        default:
            return issue.message;
    }
}
function typeName(expected) {
    if (expected === 'object' || expected === 'record' || expected === 'map')
        return 'table';
    if (expected === 'int')
        return 'integer';
    return expected ?? 'another type';
}
function boundText(issue) {
    const small = issue.code === 'too_small';
    const bound = String(small ? issue.minimum : issue.maximum);
    const exclusive = issue.inclusive === false;
    switch (issue.origin) {
        case 'string':
            if (small && bound === '1')
                return 'must not be empty';
            return `must be ${small ? 'at least' : 'at most'} ${bound} characters long`;
        case 'array':
        case 'set':
            if (small && bound === '1')
                return 'must have at least one item';
            return `must have ${small ? 'at least' : 'at most'} ${bound} items`;
        default:
            if (exclusive)
                return `must be ${small ? 'greater' : 'less'} than ${bound}`;
            return `must be ${small ? 'at least' : 'at most'} ${bound}`;
    }
}
function formatText(issue) {
    switch (issue.format) {
        case 'starts_with':
            return `must start with ${JSON.stringify(issue.prefix)}`;
        case 'ends_with':
            return `must end with ${JSON.stringify(issue.suffix)}`;
        case 'includes':
            return `must contain ${JSON.stringify(issue.includes)}`;
        case 'regex':
            return `must match ${issue.pattern}`;
        default:
            return `must be a valid ${issue.format ?? 'value'}`;
    }
}
function describeValue(value, secret) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    if (value instanceof Date)
        return 'date';
    if (typeof value === 'object')
        return 'table';
    if (typeof value === 'string') {
        if (secret)
            return 'string (value hidden)';
        return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    }
    return `${typeof value} ${String(value)}`;
}
/** ` (did you mean "drain_timeout_s"?)` for a near miss, else nothing. */
function suggestion(key, known) {
    const lower = key.toLowerCase();
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of known) {
        const c = candidate.toLowerCase();
        const prefixed = Math.min(c.length, lower.length) >= 4 && (c.startsWith(lower) || lower.startsWith(c));
        const d = prefixed ? 1 : editDistance(lower, c);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const allowed = Math.max(2, Math.floor(key.length / 3));
    return best !== undefined && bestDistance <= allowed ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
        }
        previous = current;
    }
    return previous[b.length];
}
//# sourceMappingURL=describe-zod-issue.js.map