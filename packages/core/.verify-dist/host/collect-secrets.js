const SECRET_KEY = /(token|secret|password|api_key)$/i;
/** Every string value under a key that names a secret, anywhere in the config. */
export function collectSecrets(value, out = []) {
    if (Array.isArray(value)) {
        for (const v of value)
            collectSecrets(v, out);
    }
    else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
            if (typeof v === 'string' && SECRET_KEY.test(k) && v.length > 0)
                out.push(v);
            else
                collectSecrets(v, out);
        }
    }
    return out;
}
//# sourceMappingURL=collect-secrets.js.map