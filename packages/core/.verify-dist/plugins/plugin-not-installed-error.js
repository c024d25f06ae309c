import { FerryError } from '../errors/ferry-error.js';
/** `ferry plugins remove` named a package that `ferry plugins add` did not install. */
export class PluginNotInstalledError extends FerryError {
    packageName;
    pluginsDir;
    installed;
    code = 'FERRY_PLUGIN_NOT_INSTALLED';
    constructor(packageName, pluginsDir, installed) {
        super(`${packageName} is not installed in ${pluginsDir}; installed there: ` +
            `${installed.length ? installed.join(', ') : 'nothing'} (plugins that come with Ferry or from ` +
            '[plugins] paths cannot be removed this way; use [plugins] enabled to turn them off)');
        this.packageName = packageName;
        this.pluginsDir = pluginsDir;
        this.installed = installed;
    }
}
//# sourceMappingURL=plugin-not-installed-error.js.map