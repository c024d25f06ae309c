import { LineIndex } from './line-index.js';
// Deeper nesting than this is not a config file; stop recursing instead of blowing the stack.
const MAX_DEPTH = 64;
export function scanToml(text) {
    return new TomlScanner(text).scan();
}
function isBareKeyChar(c) {
    return c !== undefined && /[A-Za-z0-9_-]/.test(c);
}
function decodeBasic(raw) {
    try {
        return JSON.parse(`"${raw}"`);
    }
    catch {
        return raw;
    }
}
class TomlScanner {
    #text;
    #lines;
    #entries = [];
    #arrayCounts = new Map();
    #implicitSeen = new Set();
    #pos = 0;
    #section = [];
    constructor(text) {
        this.#text = text;
        this.#lines = new LineIndex(text);
    }
    scan() {
        const t = this.#text;
        while (this.#pos < t.length) {
            this.#skipSpaces();
            const c = t[this.#pos];
            if (c === '\n') {
                this.#pos += 1;
                continue;
            }
            if (c === '[')
                this.#header();
            else if (c !== '#')
                this.#keyValue(this.#section, false, 0);
            this.#skipRestOfLine();
        }
        return this.#entries;
    }
    #header() {
        const t = this.#text;
        const line = this.#lines.lineAt(this.#pos);
        const isArray = t[this.#pos + 1] === '[';
        this.#pos += isArray ? 2 : 1;
        const segments = this.#key();
        if (segments.length === 0)
            return;
        const path = [];
        segments.forEach((segment, i) => {
            path.push(segment);
            const last = i === segments.length - 1;
            if (!last || isArray)
                this.#implicit(path, line, true);
            const id = JSON.stringify(path);
            const count = this.#arrayCounts.get(id);
            if (last && isArray) {
                this.#arrayCounts.set(id, (count ?? 0) + 1);
                path.push(count ?? 0);
            }
            else if (!last && count !== undefined) {
                // `[[fruit]]` then `[fruit.info]`: the sub-table belongs to the latest element.
                path.push(count - 1);
            }
        });
        this.#section = path;
        this.#push({ kind: isArray ? 'array-table' : 'table', path, line, inline: false });
    }
    #keyValue(base, inline, depth) {
        const t = this.#text;
        const line = this.#lines.lineAt(this.#pos);
        const segments = this.#key();
        if (segments.length === 0)
            return;
        this.#skipSpaces();
        if (t[this.#pos] !== '=')
            return;
        this.#pos += 1;
        for (let i = 1; i < segments.length; i++) {
            this.#implicit([...base, ...segments.slice(0, i)], line, false, inline);
        }
        this.#skipSpaces();
        const path = [...base, ...segments];
        const entry = this.#push({ kind: 'key', path, line, inline });
        entry.valueStart = this.#pos;
        entry.valueEnd = this.#value(path, depth);
    }
    #value(path, depth) {
        const t = this.#text;
        if (t.startsWith('"""', this.#pos))
            return this.#multilineString('"');
        if (t.startsWith("'''", this.#pos))
            return this.#multilineString("'");
        const c = t[this.#pos];
        if (c === '"' || c === "'")
            return this.#string(c);
        if (depth < MAX_DEPTH && c === '[')
            return this.#array(path, depth);
        if (depth < MAX_DEPTH && c === '{')
            return this.#inlineTable(path, depth);
        const start = this.#pos;
        while (this.#pos < t.length && !',]}#\n'.includes(t[this.#pos]))
            this.#pos += 1;
        let end = this.#pos;
        while (end > start && ' \t\r'.includes(t[end - 1]))
            end -= 1;
        return end;
    }
    #array(path, depth) {
        const t = this.#text;
        this.#pos += 1;
        let index = 0;
        while (this.#pos < t.length) {
            this.#skipBlank();
            const c = t[this.#pos];
            if (c === undefined)
                break;
            if (c === ']') {
                this.#pos += 1;
                break;
            }
            if (c === ',') {
                this.#pos += 1;
                continue;
            }
            const before = this.#pos;
            const elementPath = [...path, index];
            const entry = this.#push({ kind: 'element', path: elementPath, line: this.#lines.lineAt(before) });
            entry.valueStart = before;
            entry.valueEnd = this.#value(elementPath, depth + 1);
            index += 1;
            if (this.#pos === before)
                this.#pos += 1;
        }
        return this.#pos;
    }
    #inlineTable(path, depth) {
        const t = this.#text;
        this.#pos += 1;
        while (this.#pos < t.length) {
            this.#skipBlank();
            const c = t[this.#pos];
            if (c === undefined)
                break;
            if (c === '}') {
                this.#pos += 1;
                break;
            }
            if (c === ',') {
                this.#pos += 1;
                continue;
            }
            const before = this.#pos;
            this.#keyValue(path, true, depth + 1);
            if (this.#pos === before)
                this.#pos += 1;
        }
        return this.#pos;
    }
    /** A single-line string; an unterminated one ends at the end of its line. */
    #string(quote) {
        const t = this.#text;
        this.#pos += 1;
        while (this.#pos < t.length && t[this.#pos] !== '\n') {
            const c = t[this.#pos];
            if (c === quote)
                return ++this.#pos;
            this.#pos += quote === '"' && c === '\\' && t[this.#pos + 1] !== '\n' ? 2 : 1;
        }
        return this.#pos;
    }
    #multilineString(quote) {
        const t = this.#text;
        const delimiter = quote.repeat(3);
        this.#pos += 3;
        while (this.#pos < t.length) {
            if (quote === '"' && t[this.#pos] === '\\') {
                this.#pos += 2;
            }
            else if (t.startsWith(delimiter, this.#pos)) {
                this.#pos += 3;
                // Up to two more quotes are content: `"""a""""` is `a"` followed by the delimiter.
                for (let extra = 0; extra < 2 && t[this.#pos] === quote; extra++)
                    this.#pos += 1;
                return this.#pos;
            }
            else {
                this.#pos += 1;
            }
        }
        return this.#pos;
    }
    /** A dotted key (`a."b.c".d`); empty when none starts here. */
    #key() {
        const t = this.#text;
        const segments = [];
        for (;;) {
            this.#skipSpaces();
            const c = t[this.#pos];
            const start = this.#pos;
            if (c === '"' || c === "'") {
                const end = this.#string(c);
                const closed = end - start >= 2 && t[end - 1] === c;
                const raw = t.slice(start + 1, closed ? end - 1 : end);
                segments.push(c === '"' ? decodeBasic(raw) : raw);
            }
            else if (isBareKeyChar(c)) {
                while (isBareKeyChar(t[this.#pos]))
                    this.#pos += 1;
                segments.push(t.slice(start, this.#pos));
            }
            else {
                return segments;
            }
            this.#skipSpaces();
            if (t[this.#pos] !== '.')
                return segments;
            this.#pos += 1;
        }
    }
    #implicit(path, line, viaHeader, inline = false) {
        const id = JSON.stringify(path);
        if (this.#implicitSeen.has(id))
            return;
        this.#implicitSeen.add(id);
        const entry = this.#push({ kind: 'implicit', path: [...path], line, inline });
        entry.viaHeader = viaHeader;
    }
    #push(fields) {
        const entry = {
            inline: true,
            ...fields,
            section: this.#section,
            viaHeader: false,
            valueStart: this.#pos,
            valueEnd: this.#pos,
        };
        this.#entries.push(entry);
        return entry;
    }
    #skipSpaces() {
        while (' \t\r'.includes(this.#text[this.#pos] ?? '_'))
            this.#pos += 1;
    }
    /** Blanks, newlines and comments, as allowed between array elements. */
    #skipBlank() {
        for (;;) {
            this.#skipSpaces();
            const c = this.#text[this.#pos];
            if (c === '\n')
                this.#pos += 1;
            else if (c === '#')
                this.#skipRestOfLine();
            else
                return;
        }
    }
    #skipRestOfLine() {
        const next = this.#text.indexOf('\n', this.#pos);
        this.#pos = next < 0 ? this.#text.length : next;
    }
}
//# sourceMappingURL=toml-scanner.js.map