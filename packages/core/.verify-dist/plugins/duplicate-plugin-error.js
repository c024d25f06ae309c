import { FerryError } from '../errors/ferry-error.js';
/** Two or more packages declare the same kind and id; none of them is used, so the choice is never silent. */
export class DuplicatePluginError extends FerryError {
    kind;
    id;
    providers;
    code = 'FERRY_PLUGIN_DUPLICATE';
    constructor(kind, id, providers) {
        const names = providers.map((p) => `${p.packageName} (${p.packageDir})`).join(' and ');
        super(`${kind} "${id}" is declared by ${providers.length} packages: ${names}; ` +
            'uninstall all but one, or list only one of them in [plugins] enabled');
        this.kind = kind;
        this.id = id;
        this.providers = providers;
    }
}
//# sourceMappingURL=duplicate-plugin-error.js.map