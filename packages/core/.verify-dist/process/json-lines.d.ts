export type JsonObject = Record<string, unknown>;
export interface ParseJsonLinesOptions {
    /**
     * Called for a line that is not a JSON object (a CLI's stray warning, a truncated write).
     * Such lines are skipped: one bad line must not end a run.
     */
    readonly onBadLine?: (line: string, error: unknown) => void;
}
/** JSON objects from a stream of JSONL lines; blank lines are skipped silently. */
export declare function parseJsonLines(lines: AsyncIterable<string>, options?: ParseJsonLinesOptions): AsyncGenerator<JsonObject, void, undefined>;
