/** Offsets to 1-based line numbers and back, for one text. */
export declare class LineIndex {
    #private;
    constructor(text: string);
    get count(): number;
    lineAt(offset: number): number;
    startOf(line: number): number;
    /** Offset just past the line's `\n` (the text's length for a last line without one). */
    endOf(line: number): number;
}
