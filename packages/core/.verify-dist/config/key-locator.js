import { scanToml } from './toml-scanner.js';
/**
 * Finds the line of a key path (as zod reports it) in TOML text. A missing key is reported
 * at its nearest existing parent, so "required key missing" points at its `[table]`.
 */
export class KeyLocator {
    entries;
    #byPath = new Map();
    constructor(entries) {
        this.entries = entries;
        for (const entry of entries) {
            const id = idOf(entry.path);
            const seen = this.#byPath.get(id);
            // An explicit `[a]` beats the implicit `a` an earlier `[a.b]` created.
            if (!seen || (seen.kind === 'implicit' && entry.kind !== 'implicit'))
                this.#byPath.set(id, entry);
        }
    }
    static fromText(text) {
        return new KeyLocator(scanToml(text));
    }
    /** The entry written for exactly this path. */
    find(path) {
        return this.#byPath.get(idOf(path));
    }
    /** The entry for the path or, failing that, for its longest existing prefix. */
    nearest(path) {
        for (let n = path.length; n > 0; n--) {
            const entry = this.#byPath.get(idOf(path.slice(0, n)));
            if (entry)
                return entry;
        }
        return undefined;
    }
    locate(path) {
        return this.nearest(path)?.line;
    }
}
export function locateKey(text, path) {
    return KeyLocator.fromText(text).locate(path);
}
function idOf(path) {
    return JSON.stringify(path.map(String));
}
//# sourceMappingURL=key-locator.js.map