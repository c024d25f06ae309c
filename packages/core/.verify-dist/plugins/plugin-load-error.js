import { FerryError, isFerryError } from '../errors/ferry-error.js';
import { pluginLabel } from './plugin-record.js';
/**
 * A plugin could not be loaded: refused at discovery, import threw, bad export, invalid config,
 * or `register` threw. `reason` is the underlying code (FERRY_PLUGIN_LOAD when the cause has
 * none), so `ferry doctor` can tell an invalid config from a broken package.
 */
export class PluginLoadError extends FerryError {
    record;
    code = 'FERRY_PLUGIN_LOAD';
    reason;
    constructor(record, cause) {
        super(`cannot load ${pluginLabel(record)} from ${record.packageName}@${record.packageVersion} ` +
            `(${record.packageDir}): ${oneLine(cause)}`, { cause });
        this.record = record;
        this.reason = codeOf(cause) ?? this.code;
    }
}
function codeOf(cause) {
    if (isFerryError(cause))
        return cause.code;
    const code = cause?.code;
    return typeof code === 'string' && code.startsWith('FERRY_') ? code : undefined;
}
/** The host prints this as one `error:` line; stack-ish multi-line messages would break that. */
function oneLine(cause) {
    const message = cause instanceof Error || (typeof cause === 'object' && cause !== null && 'message' in cause)
        ? String(cause.message)
        : String(cause);
    return message.replace(/\s*\n\s*/g, ' ');
}
//# sourceMappingURL=plugin-load-error.js.map