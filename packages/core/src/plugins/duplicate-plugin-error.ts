import { FerryError } from '../errors/ferry-error.js';

export interface PluginProvider {
  readonly packageName: string;
  readonly packageDir: string;
}

/** Two or more packages declare the same kind and id; none of them is used, so the choice is never silent. */
export class DuplicatePluginError extends FerryError {
  readonly code = 'FERRY_PLUGIN_DUPLICATE';

  constructor(
    readonly kind: string,
    readonly id: string,
    readonly providers: readonly PluginProvider[],
  ) {
    const names = providers.map((p) => `${p.packageName} (${p.packageDir})`).join(' and ');
    super(
      `${kind} "${id}" is declared by ${providers.length} packages: ${names}; ` +
        'uninstall all but one, or list only one of them in [plugins] enabled',
    );
  }
}
