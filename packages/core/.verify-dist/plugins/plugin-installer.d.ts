import { type PluginKind } from '../api/plugin.js';
import { type RunNpmOptions } from './run-npm.js';
export interface InstallPluginOptions extends RunNpmOptions {
    readonly stateDir: string;
    /** An npm spec (`name`, `name@1.2`), a package directory or a tarball. */
    readonly spec: string;
    /** Relative paths in `spec` are taken from here; the CLI passes its working directory. */
    readonly cwd?: string;
    readonly hostApiVersion?: string;
}
export interface InstalledPlugin {
    readonly name: string;
    readonly version: string;
    readonly packageDir: string;
    readonly plugins: readonly {
        readonly kind: PluginKind;
        readonly id: string;
    }[];
}
/** `<stateDir>/plugins`: an npm project of its own, so npm does all the resolving and linking. */
export declare function pluginsDir(stateDir: string): string;
/**
 * `ferry plugins add`: installs with npm into the plugins dir, then refuses (and rolls back)
 * anything discovery would refuse, so a bad package never sits there half-accepted.
 */
export declare function installPlugin(options: InstallPluginOptions): Promise<InstalledPlugin>;
/** `ferry plugins remove <name>`: only what `ferry plugins add` installed can be removed. */
export declare function removePlugin(stateDir: string, name: string, options?: RunNpmOptions): Promise<void>;
/** Names of the packages `ferry plugins add` installed. */
export declare function installedPluginPackages(stateDir: string): string[];
