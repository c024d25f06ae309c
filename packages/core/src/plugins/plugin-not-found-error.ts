import { FerryError } from '../errors/ferry-error.js';

/** No discovered package declares the plugin asked for. */
export class PluginNotFoundError extends FerryError {
  readonly code = 'FERRY_PLUGIN_NOT_FOUND';

  constructor(
    readonly kind: string,
    readonly id: string,
    readonly searched: readonly string[],
    readonly available: readonly string[],
  ) {
    super(
      `no package declares ${kind} "${id}" (known ${kind}s: ${available.length ? available.join(', ') : 'none'}); ` +
        `searched ${searched.join(', ')}; install one with \`ferry plugins add <package>\` or add its directory to [plugins] paths`,
    );
  }
}
