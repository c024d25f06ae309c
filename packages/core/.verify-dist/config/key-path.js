const BARE_KEY = /^[A-Za-z0-9_-]+$/;
/** `triggers.crons[1].chat`, quoting segments TOML could not write bare (`projects."my.app"`). */
export function formatKeyPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else
            out += (out === '' ? '' : '.') + (BARE_KEY.test(segment) ? segment : JSON.stringify(segment));
    }
    return out;
}
/** The same key written for a TOML file: every segment is a table key, so no `[n]`. */
export function formatTomlKey(path) {
    return path.map((s) => (BARE_KEY.test(s) ? s : JSON.stringify(s))).join('.');
}
/**
 * Parses what a user types after `ferry config get|set`: dotted segments, `"quoted"` or
 * `'literal'` segments, and `[n]` for array elements. Returns undefined when it cannot.
 */
export function parseKeyPath(text) {
    const out = [];
    let i = 0;
    let expectSegment = true;
    while (i < text.length) {
        const c = text[i];
        if (c === '[') {
            const close = text.indexOf(']', i);
            const digits = close < 0 ? '' : text.slice(i + 1, close);
            if (!/^\d+$/.test(digits) || out.length === 0)
                return undefined;
            out.push(Number(digits));
            i = close + 1;
            expectSegment = false;
        }
        else if (c === '.') {
            if (expectSegment)
                return undefined;
            expectSegment = true;
            i += 1;
        }
        else {
            if (!expectSegment)
                return undefined;
            if (c === '"' || c === "'") {
                const close = text.indexOf(c, i + 1);
                if (close < 0)
                    return undefined;
                out.push(text.slice(i + 1, close));
                i = close + 1;
            }
            else {
                const match = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
                if (!match)
                    return undefined;
                out.push(match[0]);
                i += match[0].length;
            }
            expectSegment = false;
        }
    }
    return expectSegment ? undefined : out;
}
/** Keys and indices compare as text: a table key "1" and index 1 never meet at one path. */
export function sameKeyPath(a, b) {
    return a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
}
export function isKeyPathPrefix(prefix, path) {
    return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}
//# sourceMappingURL=key-path.js.map