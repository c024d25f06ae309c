import { formatKeyPath, isKeyPathPrefix, sameKeyPath } from './key-path.js';
import { LineIndex } from './line-index.js';
import { scanToml } from './toml-scanner.js';
/**
 * Turns smol-toml's error (message + code frame) into one issue: the line, the key written on
 * it (or the key whose value spans it, or the enclosing table), and a short problem.
 */
export function tomlSyntaxIssue(file, text, err) {
    const entries = scanToml(text);
    const lines = new LineIndex(text);
    const offset = lines.startOf(err.line) + err.column - 1;
    const entry = keyAt(entries, err.line, offset);
    const lineText = text.slice(lines.startOf(err.line), lines.endOf(err.line)).replace(/\r?\n$/, '');
    return {
        file,
        line: err.line,
        key: entry ? formatKeyPath(entry.path) : '(top level)',
        problem: problemOf(err, lineText, entry, entries),
    };
}
function keyAt(entries, line, offset) {
    const named = (e) => e.kind !== 'implicit' && e.kind !== 'element';
    const onLine = entries.filter((e) => e.line === line && named(e));
    // The outermost key on the line: `x = { a = 1, b }` is about `x`.
    if (onLine.length > 0)
        return onLine.find((e) => !e.inline) ?? onLine[0];
    const spanning = entries.filter((e) => e.kind === 'key' && e.valueStart <= offset && offset <= e.valueEnd && e.line < line);
    if (spanning.length > 0)
        return spanning[0];
    return entries.filter((e) => (e.kind === 'table' || e.kind === 'array-table') && e.line < line).at(-1);
}
function problemOf(err, lineText, entry, entries) {
    const message = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    if (/redefine/.test(message))
        return redefinition(err.line, entry, entries);
    if (/^\s*\[/.test(lineText) && !lineText.includes(']'))
        return 'unclosed table header: add "]"';
    if (entry && entry.kind === 'key' && entry.line < err.line && /end of structure/.test(message)) {
        return `the value started on line ${entry.line} is not closed: add "]" or "}"`;
    }
    if (/unfinished string/.test(message) ||
        (/control character/.test(message) && err.column > lineText.length)) {
        return 'unterminated string: add the closing quote';
    }
    return message;
}
/** `a = 1` then `[a]` or `a.b = 2` is a clash too, not only the same key written twice. */
function redefinition(line, entry, entries) {
    if (!entry)
        return 'defined twice';
    const before = entries.filter((e) => e.line < line && e.kind !== 'implicit');
    const same = before.find((e) => sameKeyPath(e.path, entry.path));
    if (same)
        return `defined twice (first on line ${same.line})`;
    const clash = before.find((e) => isKeyPathPrefix(e.path, entry.path) || isKeyPathPrefix(entry.path, e.path));
    if (clash)
        return `clashes with ${formatKeyPath(clash.path)} on line ${clash.line}`;
    return 'defined twice';
}
//# sourceMappingURL=toml-syntax-issue.js.map