import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
/**
 * `FERRY_CONFIG_PATH` (made absolute against the working directory) or `~/.ferry/ferry.toml`.
 * A leading `~/` is expanded because systemd units and `.env` files do not expand it.
 */
export function resolveConfigPath(env = process.env) {
    const home = env.HOME || homedir();
    const fromEnv = env.FERRY_CONFIG_PATH;
    if (fromEnv)
        return resolve(fromEnv.startsWith('~/') ? join(home, fromEnv.slice(2)) : fromEnv);
    return join(home, '.ferry', 'ferry.toml');
}
/** The state dir is the config's directory, so two instances never share state (DESIGN §5). */
export function stateDirOf(configPath) {
    return dirname(resolve(configPath));
}
//# sourceMappingURL=config-path.js.map