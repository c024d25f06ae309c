/** Secrets shorter than this are not scrubbed: replacing `1` or `abc` everywhere would garble logs. */
const MIN_SECRET_LENGTH = 6;

/**
 * Replaces every occurrence of a secret value in a log line, as written and as it appears
 * inside a JSON string. Path-based redaction (REDACT_PATHS) only covers fields it can name;
 * a token also turns up inside messages — an error's code frame quoting the config line, a
 * URL in a network error — and those are caught here.
 */
export function scrubSecrets(line: string, secrets: readonly string[], censor = '[redacted]'): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    out = out.replaceAll(secret, censor);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.replaceAll(escaped, censor);
  }
  return out;
}
