/** Offsets to 1-based line numbers and back, for one text. */
export class LineIndex {
    #starts = [0];
    #length;
    constructor(text) {
        this.#length = text.length;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.#starts.push(i + 1);
    }
    get count() {
        return this.#starts.length;
    }
    lineAt(offset) {
        let lo = 0;
        let hi = this.#starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.#starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    startOf(line) {
        return this.#starts[line - 1] ?? this.#length;
    }
    /** Offset just past the line's `\n` (the text's length for a last line without one). */
    endOf(line) {
        return this.#starts[line] ?? this.#length;
    }
}
//# sourceMappingURL=line-index.js.map