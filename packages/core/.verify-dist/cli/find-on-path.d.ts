/** The first executable named `name` on PATH, like `command -v`. */
export declare function findOnPath(name: string, env?: NodeJS.ProcessEnv): string | undefined;
