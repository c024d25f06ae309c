/** JSON objects from a stream of JSONL lines; blank lines are skipped silently. */
export async function* parseJsonLines(lines, options = {}) {
    for await (const line of lines) {
        const text = line.trim();
        if (text === '')
            continue;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            options.onBadLine?.(line, err);
            continue;
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            options.onBadLine?.(line, new TypeError('not a JSON object'));
            continue;
        }
        yield value;
    }
}
//# sourceMappingURL=json-lines.js.map