import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ConfigKeyError } from './config-key-error.js';
import { ConfigNotFoundError } from './config-not-found-error.js';
import { parseKeyPath } from './key-path.js';
import { loadConfigText } from './load-config.js';
import { setTomlValue } from './set-toml-value.js';
import { tomlValueText } from './toml-value.js';
/**
 * `ferry config set <key> <value>`: edits the file's text in place (comments and layout kept),
 * validates the whole result, and only then replaces the file atomically with its mode kept.
 * `valueText` is read as TOML (`120`, `true`, `["a"]`, `"quoted"`), else taken as a string.
 * Throws ConfigInvalidError (file untouched) when the edit would make the config invalid.
 */
export async function setConfigValue(path, dottedKey, valueText, options = {}) {
    const absolute = resolve(path);
    const keyPath = parseKeyPath(dottedKey);
    if (!keyPath)
        throw new ConfigKeyError(dottedKey, 'not a key path: write it like restart.drain_timeout_s');
    let text;
    try {
        text = await readFile(absolute, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            throw new ConfigNotFoundError(absolute, { cause: err });
        throw err;
    }
    const next = setTomlValue(text, keyPath, tomlValueText(valueText));
    const loaded = loadConfigText(absolute, next, options.env ?? {});
    options.validate?.(loaded);
    await writeFileAtomic(absolute, next);
    return loaded;
}
//# sourceMappingURL=edit-config.js.map