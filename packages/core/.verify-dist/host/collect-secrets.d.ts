/** Every string value under a key that names a secret, anywhere in the config. */
export declare function collectSecrets(value: unknown, out?: string[]): string[];
