/*
 * DI tokens. Symbol.for so that a plugin compiled against another copy of @ferry/core
 * (its own node_modules) still resolves the host's providers.
 */

import type { Command } from './api/command.js';
import type { Runner } from './api/engine.js';
import type { Lifecycle } from './api/lifecycle.js';
import type { PluginContext } from './api/plugin-context.js';
import type { Transport } from './api/transport.js';
import type { Clock } from './clock/clock.js';
import type { Logger } from './logging/logger.js';

/** A typed token: the type parameter documents what the token resolves to. */
export type Token<T> = symbol & { readonly __type?: T };

function token<T>(name: string): Token<T> {
  return Symbol.for(`ferry.${name}`) as Token<T>;
}

// public: what plugins register or inject
export const CLOCK = token<Clock>('clock');
export const LOGGER = token<Logger>('logger');
export const PLUGIN_CONTEXT = token<PluginContext>('pluginContext');
/** The plugin's validated config section. */
export const PLUGIN_CONFIG = token<unknown>('pluginConfig');
export const ENGINE_RUNNER = token<Runner>('engineRunner');
export const TRANSPORT = token<Transport>('transport');
export const COMMAND = token<Command>('command');
export const SERVICE = token<Lifecycle>('service');

// host-internal services
export const CONFIG_SERVICE = token<unknown>('configService');
export const STATE_STORE = token<unknown>('stateStore');
export const PLUGIN_REGISTRY = token<unknown>('pluginRegistry');
export const INGRESS_JOURNAL = token<unknown>('ingressJournal');
export const RUN_SERVICE = token<unknown>('runService');
export const COMMAND_REGISTRY = token<unknown>('commandRegistry');
export const TRANSPORT_HUB = token<unknown>('transportHub');
export const RESTART_COORDINATOR = token<unknown>('restartCoordinator');
export const HOST_INFO = token<unknown>('hostInfo');
export const NOTIFIER = token<unknown>('notifier');
export const ENGINE_SOURCE = token<unknown>('engineSource');
export const PROJECT_ROUTER = token<unknown>('projectRouter');
