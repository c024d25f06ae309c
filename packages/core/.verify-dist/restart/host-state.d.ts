/** The daemon's state as `ferry status --json` reports it (DESIGN §9). */
export type HostState = 'starting' | 'running' | 'draining' | 'stopping';
