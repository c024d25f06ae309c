/**
 * Variables an engine subprocess must never see: Ferry's own overrides (they carry tokens)
 * and the supervisor's handles (a child must not notify systemd or take our sockets).
 */
const DROP_EXACT = new Set([
  'FERRY_CONFIG_PATH',
  'NOTIFY_SOCKET',
  'LISTEN_FDS',
  'LISTEN_PID',
  'LISTEN_FDNAMES',
  'WATCHDOG_USEC',
  'WATCHDOG_PID',
]);

export function childEnv(
  base: NodeJS.ProcessEnv,
  secrets: readonly string[],
  extra: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined || DROP_EXACT.has(k) || k.toUpperCase().startsWith('FERRY__')) continue;
    // a variable holding one of our secrets (e.g. TELEGRAM_TOKEN used through the config) stays home too
    if (secrets.includes(v)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
