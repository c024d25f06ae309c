import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { PluginManifestError } from './plugin-manifest-error.js';
/*
 * The `ferry` field of a plugin package's package.json (DESIGN §3). Unknown keys are dropped,
 * not refused: a later minor API may add some, and the version check is what refuses those.
 * Id rules (pattern, reserved names) are checked per plugin by discovery, so one bad id does not
 * hide the package's other plugins.
 */
const entryPath = z
    .string()
    .min(1)
    .refine((entry) => !isAbsolute(entry) && !normalize(entry).startsWith(`..${sep}`) && normalize(entry) !== '..', {
    message: 'must be a path relative to the package directory, inside it',
});
export const pluginDeclarationSchema = z.object({
    kind: z.enum(['engine', 'transport', 'command', 'service']),
    id: z.string().min(1),
    entry: entryPath,
});
export const ferryManifestSchema = z
    .object({
    apiVersion: z.string().regex(/^\d+\.\d+$/, 'expected "MAJOR.MINOR", e.g. "1.0"'),
    plugins: z.array(pluginDeclarationSchema),
})
    .superRefine((manifest, ctx) => {
    const seen = new Set();
    manifest.plugins.forEach((plugin, index) => {
        const key = `${plugin.kind}:${plugin.id}`;
        if (seen.has(key)) {
            ctx.addIssue({ code: 'custom', path: ['plugins', index, 'id'], message: `${key} is declared twice` });
        }
        seen.add(key);
    });
});
/**
 * Reads `<packageDir>/package.json` as data; never imports anything. Returns undefined when
 * there is no package.json; throws PluginManifestError when it cannot be used.
 */
export function readManifest(packageDir) {
    const file = join(packageDir, 'package.json');
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw new PluginManifestError(file, `cannot be read (${err.message})`, { cause: err });
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new PluginManifestError(file, `is not valid JSON (${err.message})`, { cause: err });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new PluginManifestError(file, 'is not a JSON object');
    }
    const pkg = json;
    const name = typeof pkg.name === 'string' ? pkg.name : '';
    const version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    if (pkg.ferry === undefined)
        return { name, version };
    if (name === '')
        throw new PluginManifestError(file, 'has a "ferry" field but no "name"');
    const parsed = ferryManifestSchema.safeParse(pkg.ferry);
    if (!parsed.success) {
        const issues = parsed.error.issues
            .map((i) => `${['ferry', ...i.path].join('.')}: ${i.message}`)
            .join('; ');
        throw new PluginManifestError(file, `invalid "ferry" field: ${issues}`, { cause: parsed.error });
    }
    return { name, version, ferry: parsed.data };
}
//# sourceMappingURL=plugin-manifest.js.map