import { FerryError } from '../errors/ferry-error.js';
/** A package declares a plugin API this host cannot serve (major differs, or minor is newer). */
export class PluginApiVersionError extends FerryError {
    packageName;
    packageVersion;
    packageDir;
    apiVersion;
    hostApiVersion;
    code = 'FERRY_PLUGIN_API_VERSION';
    constructor(packageName, packageVersion, packageDir, apiVersion, hostApiVersion) {
        super(`${packageName}@${packageVersion} (${packageDir}) is written for plugin API ${apiVersion}, ` +
            `but this Ferry implements plugin API ${hostApiVersion} (the major must match and the minor ` +
            `must not be newer): install a version of ${packageName} made for API ${hostApiVersion}, or upgrade Ferry`);
        this.packageName = packageName;
        this.packageVersion = packageVersion;
        this.packageDir = packageDir;
        this.apiVersion = apiVersion;
        this.hostApiVersion = hostApiVersion;
    }
}
//# sourceMappingURL=plugin-api-version-error.js.map