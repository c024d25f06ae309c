/*
 * The status socket speaks newline-delimited JSON: each request is one line
 * `{"op":"status", ...args}`, each answer one line, in request order.
 */
/** Longest request or answer line either side accepts, so a stray client cannot balloon memory. */
export const MAX_LINE_BYTES = 1 << 20;
//# sourceMappingURL=status-protocol.js.map