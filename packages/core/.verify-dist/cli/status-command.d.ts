/** `ferry status [--json]`: asks the daemon of this config over its unix socket. */
export declare function statusCommand(opts: {
    json?: boolean;
}): Promise<number>;
