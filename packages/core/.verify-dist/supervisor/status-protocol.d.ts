export interface DaemonErrorBody {
    readonly code: string;
    readonly message: string;
}
export type DaemonResponse = {
    readonly ok: true;
    readonly result: unknown;
} | {
    readonly ok: false;
    readonly error: DaemonErrorBody;
};
/** Longest request or answer line either side accepts, so a stray client cannot balloon memory. */
export declare const MAX_LINE_BYTES: number;
