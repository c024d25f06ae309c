/** The first socket systemd passes (`SD_LISTEN_FDS_START`). */
const FIRST_FD = 3;

/**
 * The socket systemd handed us (socket activation), if any: only when `LISTEN_PID` is our own
 * pid, since the variables are inherited by children that must not take the socket. Engine
 * subprocesses never see them (host/child-env.ts drops them).
 */
export function listenFdOf(env: NodeJS.ProcessEnv, pid: number): number | undefined {
  const count = Number(env.LISTEN_FDS ?? '0');
  if (env.LISTEN_PID !== String(pid) || !Number.isInteger(count) || count < 1) return undefined;
  return FIRST_FD;
}
