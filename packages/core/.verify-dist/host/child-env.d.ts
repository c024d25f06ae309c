export declare function childEnv(base: NodeJS.ProcessEnv, secrets: readonly string[], extra?: Readonly<Record<string, string>>): NodeJS.ProcessEnv;
