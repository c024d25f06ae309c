/** Exit codes (DESIGN §5): 0 ok, 1 error (one `error:` line), 2 usage. */
export declare const EXIT_OK = 0;
export declare const EXIT_ERROR = 1;
export declare const EXIT_USAGE = 2;
/** Prints one `error:` line for a failure and returns the exit code it deserves. */
export declare function reportFailure(err: unknown, stderr?: NodeJS.WritableStream): number;
