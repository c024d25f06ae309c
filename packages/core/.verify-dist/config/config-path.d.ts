/**
 * `FERRY_CONFIG_PATH` (made absolute against the working directory) or `~/.ferry/ferry.toml`.
 * A leading `~/` is expanded because systemd units and `.env` files do not expand it.
 */
export declare function resolveConfigPath(env?: NodeJS.ProcessEnv): string;
/** The state dir is the config's directory, so two instances never share state (DESIGN §5). */
export declare function stateDirOf(configPath: string): string;
