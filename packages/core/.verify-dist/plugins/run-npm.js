import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PluginInstallError } from './plugin-install-error.js';
/**
 * Runs npm in `cwd` (the plugins dir, so no enclosing project's .npmrc applies) to completion,
 * streaming its output; rejects with PluginInstallError unless it exits 0.
 */
export async function runNpm(args, cwd, options = {}) {
    const npm = options.npm ?? 'npm';
    const command = [npm, ...args].join(' ');
    const child = spawn(npm, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd,
        env: npmEnv(),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    const lines = [child.stdout, child.stderr].map((stream) => {
        const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
        reader.on('line', (line) => options.onOutput?.(line));
        return new Promise((resolve) => reader.once('close', () => resolve()));
    });
    const exit = await new Promise((resolve, reject) => {
        child.once('error', (err) => {
            if (options.signal?.aborted)
                reject(options.signal.reason);
            else
                reject(new PluginInstallError(command, `could not run: ${err.message}`, { cause: err }));
        });
        child.once('close', (code, signal) => resolve({ code, signal }));
    });
    await Promise.all(lines); // the last lines must reach the user before the verdict does
    if (exit.code !== 0) {
        const how = exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.code}`;
        throw new PluginInstallError(command, `${how}; npm's output above says why`);
    }
}
/**
 * Install scripts of third-party packages run with this environment: drop Ferry's config
 * overrides, which carry tokens (FERRY__TRANSPORTS__TELEGRAM__BOT_TOKEN and the like), and
 * npm's update check, which is network noise nobody asked for.
 */
function npmEnv() {
    const env = { npm_config_update_notifier: 'false' };
    for (const [key, value] of Object.entries(process.env)) {
        if (!key.toUpperCase().startsWith('FERRY__'))
            env[key] = value;
    }
    return env;
}
//# sourceMappingURL=run-npm.js.map