/** The plugin API version this host implements (DESIGN §3). A plugin's major must match. */
export const PLUGIN_API_VERSION = '1.0';
export const PLUGIN_ID_PATTERN = /^[a-z0-9_]{1,32}$/;
/** Identity for plugin authors: keeps the config type flowing from the schema to `register`. */
export function definePlugin(definition) {
    return definition;
}
//# sourceMappingURL=plugin.js.map