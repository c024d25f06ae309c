import { type PluginKind } from '../api/plugin.js';
import type { FerryError } from '../errors/ferry-error.js';
export interface DeclaredPlugin {
    readonly packageName: string;
    readonly packageVersion: string;
    readonly packageDir: string;
    readonly apiVersion: string;
    readonly kind: PluginKind;
    readonly id: string;
}
/**
 * The checks one declared plugin must pass before it may be loaded, shared by discovery and
 * `ferry plugins add` so both refuse the same things. Returns the first problem, or undefined.
 */
export declare function checkPluginDeclaration(plugin: DeclaredPlugin, hostApiVersion: string): FerryError | undefined;
