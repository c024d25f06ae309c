/*
 * The status socket speaks newline-delimited JSON: each request is one line
 * `{"op":"status", ...args}`, each answer one line, in request order.
 */

export interface DaemonErrorBody {
  readonly code: string;
  readonly message: string;
}

export type DaemonResponse =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: DaemonErrorBody };

/** Longest request or answer line either side accepts, so a stray client cannot balloon memory. */
export const MAX_LINE_BYTES = 1 << 20;
