/** `ferry doctor`: every check, each with what to do about it; exit 1 when one failed. */
export declare function doctorCommand(opts: {
    json?: boolean;
}): Promise<number>;
