const API_VERSION = /^(\d+)\.(\d+)$/;
/**
 * A plugin written for API M.m runs on a host implementing M.n when m ≤ n: minors only add.
 * Anything unparsable is incompatible rather than guessed at.
 */
export function isApiVersionCompatible(pluginVersion, hostVersion) {
    const plugin = API_VERSION.exec(pluginVersion);
    const host = API_VERSION.exec(hostVersion);
    if (!plugin || !host)
        return false;
    return Number(plugin[1]) === Number(host[1]) && Number(plugin[2]) <= Number(host[2]);
}
//# sourceMappingURL=api-version-compatible.js.map