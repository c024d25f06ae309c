import { FerryError } from '../errors/ferry-error.js';
/** No discovered package declares the plugin asked for. */
export class PluginNotFoundError extends FerryError {
    kind;
    id;
    searched;
    available;
    code = 'FERRY_PLUGIN_NOT_FOUND';
    constructor(kind, id, searched, available) {
        super(`no package declares ${kind} "${id}" (known ${kind}s: ${available.length ? available.join(', ') : 'none'}); ` +
            `searched ${searched.join(', ')}; install one with \`ferry plugins add <package>\` or add its directory to [plugins] paths`);
        this.kind = kind;
        this.id = id;
        this.searched = searched;
        this.available = available;
    }
}
//# sourceMappingURL=plugin-not-found-error.js.map