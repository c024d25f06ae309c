/**
 * Reads text the way env overrides and `ferry config set` take values: a TOML value when it
 * is one (`120`, `true`, `["a", "b"]`, `"quoted"`), otherwise the text itself as a string.
 */
export declare function readTomlValue(text: string): {
    value: unknown;
    isToml: boolean;
};
/** TOML text for `valueText` as `ferry config set` writes it: the user's TOML, or a quoted string. */
export declare function tomlValueText(valueText: string): string;
