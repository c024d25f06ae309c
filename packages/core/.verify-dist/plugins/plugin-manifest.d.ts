import { z } from 'zod';
export declare const pluginDeclarationSchema: z.ZodObject<{
    kind: z.ZodEnum<{
        engine: "engine";
        transport: "transport";
        command: "command";
        service: "service";
    }>;
    id: z.ZodString;
    entry: z.ZodString;
}, z.core.$strip>;
export declare const ferryManifestSchema: z.ZodObject<{
    apiVersion: z.ZodString;
    plugins: z.ZodArray<z.ZodObject<{
        kind: z.ZodEnum<{
            engine: "engine";
            transport: "transport";
            command: "command";
            service: "service";
        }>;
        id: z.ZodString;
        entry: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type PluginDeclaration = z.infer<typeof pluginDeclarationSchema>;
export type FerryManifest = z.infer<typeof ferryManifestSchema>;
export interface PackageManifest {
    readonly name: string;
    readonly version: string;
    /** Absent when the package is not a Ferry plugin package. */
    readonly ferry?: FerryManifest;
}
/**
 * Reads `<packageDir>/package.json` as data; never imports anything. Returns undefined when
 * there is no package.json; throws PluginManifestError when it cannot be used.
 */
export declare function readManifest(packageDir: string): PackageManifest | undefined;
