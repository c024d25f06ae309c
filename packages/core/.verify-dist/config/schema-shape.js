/**
 * Just enough of a zod 4 schema's structure to name its keys: env overrides match keys
 * case-insensitively against them, and "unknown key" errors suggest the closest one.
 * Reads `_zod.def`, which classic and mini schemas (and another copy of zod) all share.
 */
function defOf(schema) {
    if (typeof schema !== 'object' || schema === null)
        return undefined;
    return schema._zod?.def;
}
/** Looks through wrappers (`.default()`, `.optional()`, `.catch()`, pipes) to the real shape. */
function unwrap(schema) {
    let def = defOf(schema);
    for (let depth = 0; def && depth < 16; depth++) {
        if (def.innerType !== undefined)
            def = defOf(def.innerType);
        else if (def.type === 'pipe')
            def = defOf(def.in);
        else
            return def;
    }
    return def;
}
/** The schema of `key` inside `schema` (object property, catchall, record value, array element). */
export function childSchema(schema, key) {
    const def = unwrap(schema);
    if (!def)
        return undefined;
    if (def.type === 'object') {
        const shape = def.shape ?? {};
        return Object.hasOwn(shape, String(key)) ? shape[String(key)] : def.catchall;
    }
    if (def.type === 'record')
        return def.valueType;
    if (def.type === 'array')
        return def.element;
    return undefined;
}
/** The declared keys of an object schema; none for records and anything else. */
export function knownKeys(schema) {
    const def = unwrap(schema);
    return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
//# sourceMappingURL=schema-shape.js.map