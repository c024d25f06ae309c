/**
 * Splits text into parts no longer than `max` characters, preferring paragraph, then line,
 * then word boundaries, so a long answer arrives as readable messages.
 */
export function splitText(text, max) {
    if (max < 1)
        throw new RangeError('max must be positive');
    const parts = [];
    let rest = text;
    while (rest.length > max) {
        const window = rest.slice(0, max);
        let cut = window.lastIndexOf('\n\n');
        if (cut < max / 2)
            cut = window.lastIndexOf('\n');
        if (cut < max / 2)
            cut = window.lastIndexOf(' ');
        if (cut < max / 2)
            cut = max;
        parts.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).replace(/^\s+/, '');
    }
    if (rest.length > 0 || parts.length === 0)
        parts.push(rest);
    return parts;
}
//# sourceMappingURL=split-text.js.map