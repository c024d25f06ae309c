function token(name) {
    return Symbol.for(`ferry.${name}`);
}
// public: what plugins register or inject
export const CLOCK = token('clock');
export const LOGGER = token('logger');
export const PLUGIN_CONTEXT = token('pluginContext');
/** The plugin's validated config section. */
export const PLUGIN_CONFIG = token('pluginConfig');
export const ENGINE_RUNNER = token('engineRunner');
export const TRANSPORT = token('transport');
export const COMMAND = token('command');
export const SERVICE = token('service');
// host-internal services
export const CONFIG_SERVICE = token('configService');
export const STATE_STORE = token('stateStore');
export const PLUGIN_REGISTRY = token('pluginRegistry');
export const INGRESS_JOURNAL = token('ingressJournal');
export const RUN_SERVICE = token('runService');
export const COMMAND_REGISTRY = token('commandRegistry');
export const TRANSPORT_HUB = token('transportHub');
export const RESTART_COORDINATOR = token('restartCoordinator');
export const HOST_INFO = token('hostInfo');
export const NOTIFIER = token('notifier');
export const ENGINE_SOURCE = token('engineSource');
export const PROJECT_ROUTER = token('projectRouter');
//# sourceMappingURL=tokens.js.map