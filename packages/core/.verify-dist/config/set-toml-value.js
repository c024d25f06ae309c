import { ConfigKeyError } from './config-key-error.js';
import { KeyLocator } from './key-locator.js';
import { formatKeyPath, formatTomlKey, sameKeyPath } from './key-path.js';
import { LineIndex } from './line-index.js';
/**
 * Sets `path` to `valueText` (already TOML) by editing the text, so comments and layout
 * survive: an existing value's span is replaced (all of it, for a multi-line value); a new
 * key goes after the last key of its table; a missing table is appended at the end.
 */
export function setTomlValue(text, path, valueText) {
    if (text.startsWith('\uFEFF'))
        return `\uFEFF${setTomlValue(text.slice(1), path, valueText)}`;
    const key = formatKeyPath(path);
    const locator = KeyLocator.fromText(text);
    const exact = locator.find(path);
    if (exact?.kind === 'key' || exact?.kind === 'element') {
        return text.slice(0, exact.valueStart) + valueText + text.slice(exact.valueEnd);
    }
    if (exact)
        throw new ConfigKeyError(key, `is a table (line ${exact.line}); set one of its keys instead`);
    const parent = locator.nearest(path);
    if (parent && (parent.inline || parent.kind === 'key' || parent.kind === 'element')) {
        const owner = formatKeyPath(parent.path);
        throw new ConfigKeyError(key, `${owner} (line ${parent.line}) is one value, not a table; set ${owner} as a whole`);
    }
    if (parent?.kind === 'table' || parent?.kind === 'array-table') {
        return insertInSection(text, locator, parent.path, path.slice(parent.path.length), valueText, key);
    }
    if (parent?.kind === 'implicit' && !parent.viaHeader) {
        return insertInSection(text, locator, parent.section, path.slice(parent.section.length), valueText, key);
    }
    if (parent && locator.find([...parent.path, 0])?.kind === 'array-table') {
        const owner = formatKeyPath(parent.path);
        throw new ConfigKeyError(key, `${owner} is an array of tables; name an element, e.g. ${owner}[0]`);
    }
    if (path.length === 1)
        return insertInSection(text, locator, [], path, valueText, key);
    return appendTable(text, path.slice(0, -1), path.slice(-1), valueText, key);
}
function insertInSection(text, locator, section, rest, valueText, key) {
    const eol = eolOf(text);
    const line = `${tomlKey(rest, key)} = ${valueText}${eol}`;
    const lines = new LineIndex(text);
    const keys = locator.entries.filter((e) => e.kind === 'key' && !e.inline && sameKeyPath(e.section, section));
    let lastLine = Math.max(0, ...keys.map((e) => lines.lineAt(Math.max(e.valueStart, e.valueEnd - 1))));
    if (lastLine === 0 && section.length > 0)
        lastLine = locator.find(section)?.line ?? 0;
    if (lastLine === 0) {
        // A top level with no keys yet: before the first table, so the key stays top-level.
        const firstTable = locator.entries.find((e) => e.kind === 'table' || e.kind === 'array-table');
        if (firstTable) {
            const at = lines.startOf(firstTable.line);
            return text.slice(0, at) + line + eol + text.slice(at);
        }
        lastLine = lines.count;
    }
    const at = lines.endOf(lastLine);
    const newline = at > 0 && !text.slice(0, at).endsWith('\n') ? eol : '';
    return text.slice(0, at) + newline + line + text.slice(at);
}
function appendTable(text, table, rest, valueText, key) {
    const eol = eolOf(text);
    let out = text;
    if (out.length > 0 && !out.endsWith('\n'))
        out += eol;
    if (out.trim().length > 0)
        out += eol;
    return `${out}[${tomlKey(table, key)}]${eol}${tomlKey(rest, key)} = ${valueText}${eol}`;
}
/** Array elements cannot be created by writing a key, only addressed when they exist. */
function tomlKey(path, key) {
    if (path.some((s) => typeof s === 'number')) {
        throw new ConfigKeyError(key, 'no such array element; add the element to the file first');
    }
    return formatTomlKey(path);
}
function eolOf(text) {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
//# sourceMappingURL=set-toml-value.js.map