export type JsonObject = Record<string, unknown>;

export interface ParseJsonLinesOptions {
  /**
   * Called for a line that is not a JSON object (a CLI's stray warning, a truncated write).
   * Such lines are skipped: one bad line must not end a run.
   */
  readonly onBadLine?: (line: string, error: unknown) => void;
}

/** JSON objects from a stream of JSONL lines; blank lines are skipped silently. */
export async function* parseJsonLines(
  lines: AsyncIterable<string>,
  options: ParseJsonLinesOptions = {},
): AsyncGenerator<JsonObject, void, undefined> {
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      options.onBadLine?.(line, err);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      options.onBadLine?.(line, new TypeError('not a JSON object'));
      continue;
    }
    yield value as JsonObject;
  }
}
