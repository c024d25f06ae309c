/** The built-in terminal chat, declared in core's own `ferry.plugins` like any other plugin. */
declare const _default: import("../../api/plugin.js").PluginDefinition<{
    prompt: string;
    user?: string | undefined;
}>;
export default _default;
