import { pathToFileURL } from 'node:url';
import { COMMAND, ENGINE_RUNNER, PLUGIN_CONFIG, PLUGIN_CONTEXT, SERVICE, TRANSPORT, } from '../tokens.js';
import { PluginInvalidError } from './plugin-invalid-error.js';
import { pluginLabel } from './plugin-record.js';
const PROVIDED_TOKEN = {
    engine: ENGINE_RUNNER,
    transport: TRANSPORT,
    command: COMMAND,
    service: SERVICE,
};
export function configKeyPath(kind, id) {
    if (kind === 'engine')
        return ['engines', id];
    if (kind === 'transport')
        return ['transports', id];
    return ['plugins', id];
}
/**
 * Imports the entry, checks its default export against the manifest, validates its config and
 * lets it register into a fresh child container. Throws the first failure as is; the registry
 * records and wraps it.
 */
export async function loadPluginEntry(record, options, clock) {
    const startedAt = clock.now();
    const module = await import(/* @vite-ignore */ pathToFileURL(record.entry).href);
    const definition = asDefinition(module.default, record);
    const config = definition.configSchema
        ? await options.validateConfig(definition.configSchema, configKeyPath(record.kind, record.id))
        : {};
    const container = options.parent.createChildContainer();
    try {
        container.register(PLUGIN_CONTEXT, { useValue: options.contextFor(record) });
        container.register(PLUGIN_CONFIG, { useValue: config });
        await definition.register(container, config);
        const provided = PROVIDED_TOKEN[record.kind];
        if (!container.isRegistered(provided, false)) {
            throw new PluginInvalidError(record, `register() did not register ${provided.description} in its container`);
        }
    }
    catch (err) {
        await Promise.resolve(container.dispose()).catch(() => undefined); // the original failure is the one to report
        throw err;
    }
    const loadMs = clock.now() - startedAt;
    return {
        record: { ...record, status: 'loaded', loadMs },
        definition,
        container,
        loadMs,
        resolve: (token) => container.resolve(token),
    };
}
function asDefinition(exported, record) {
    let candidate = exported;
    // A CommonJS entry compiled from `export default` reaches import() wrapped once more.
    if (isObject(candidate) && !('register' in candidate) && isObject(candidate.default)) {
        candidate = candidate.default;
    }
    if (!isObject(candidate)) {
        const got = candidate === undefined ? 'missing' : typeof candidate;
        throw new PluginInvalidError(record, `the default export is ${got}; expected definePlugin({ kind, id, register })`);
    }
    if (typeof candidate.register !== 'function') {
        throw new PluginInvalidError(record, 'the default export has no register(container, config) function');
    }
    if (candidate.kind !== record.kind || candidate.id !== record.id) {
        throw new PluginInvalidError(record, `the default export says ${String(candidate.kind)}:${String(candidate.id)}, but package.json declares ${pluginLabel(record)}`);
    }
    const schema = candidate.configSchema;
    // Duck-typed: a plugin may bundle its own copy of zod, so instanceof would refuse good schemas.
    if (schema !== undefined && !(isObject(schema) && typeof schema.safeParse === 'function')) {
        throw new PluginInvalidError(record, 'configSchema is not a zod schema');
    }
    return candidate;
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}
//# sourceMappingURL=plugin-loader.js.map