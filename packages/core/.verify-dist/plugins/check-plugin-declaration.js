import { PLUGIN_ID_PATTERN } from '../api/plugin.js';
import { isApiVersionCompatible } from './api-version-compatible.js';
import { PluginApiVersionError } from './plugin-api-version-error.js';
import { PluginIdInvalidError } from './plugin-id-invalid-error.js';
import { PluginIdReservedError } from './plugin-id-reserved-error.js';
import { RESERVED_COMMAND_IDS } from './reserved-command-ids.js';
/**
 * The checks one declared plugin must pass before it may be loaded, shared by discovery and
 * `ferry plugins add` so both refuse the same things. Returns the first problem, or undefined.
 */
export function checkPluginDeclaration(plugin, hostApiVersion) {
    if (!isApiVersionCompatible(plugin.apiVersion, hostApiVersion)) {
        return new PluginApiVersionError(plugin.packageName, plugin.packageVersion, plugin.packageDir, plugin.apiVersion, hostApiVersion);
    }
    if (!PLUGIN_ID_PATTERN.test(plugin.id)) {
        return new PluginIdInvalidError(plugin.packageName, plugin.packageDir, plugin.kind, plugin.id);
    }
    if (plugin.kind === 'command' && RESERVED_COMMAND_IDS.has(plugin.id)) {
        return new PluginIdReservedError(plugin.packageName, plugin.packageDir, plugin.id);
    }
    return undefined;
}
//# sourceMappingURL=check-plugin-declaration.js.map