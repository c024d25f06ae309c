import { parse, stringify } from 'smol-toml';
/**
 * Reads text the way env overrides and `ferry config set` take values: a TOML value when it
 * is one (`120`, `true`, `["a", "b"]`, `"quoted"`), otherwise the text itself as a string.
 */
export function readTomlValue(text) {
    try {
        const table = parse(`v = ${text}`);
        // Text with a newline could smuggle in extra keys; then it is not one value.
        const keys = Object.keys(table);
        if (keys.length === 1 && keys[0] === 'v')
            return { value: table.v, isToml: true };
    }
    catch {
        // not TOML: the raw string is the value
    }
    return { value: text, isToml: false };
}
/** TOML text for `valueText` as `ferry config set` writes it: the user's TOML, or a quoted string. */
export function tomlValueText(valueText) {
    const trimmed = valueText.trim();
    if (readTomlValue(trimmed).isToml)
        return trimmed;
    return stringify({ v: valueText }).replace(/^v = /, '').trimEnd();
}
//# sourceMappingURL=toml-value.js.map