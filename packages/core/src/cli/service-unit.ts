import { UNIT_MARKER } from '../supervisor/installed-unit.js';
import { quoteUnitWord } from '../supervisor/unit-file.js';

export interface ServiceUnitParams {
  /** Undefined for the default instance. */
  readonly instance?: string;
  /** The node binary that runs Ferry (this process's). */
  readonly nodePath: string;
  /** This Ferry's `dist/cli.js`. */
  readonly cliPath: string;
  readonly configPath: string;
  readonly stopTimeoutS: number;
  /** PATH for the service, so engines found in the installing shell are found under systemd too. */
  readonly path?: string;
  readonly version: string;
}

/**
 * The user unit `ferry service install` writes. Each setting is explained in docs/deploy.md;
 * contrib/ferry.service is the same unit with placeholder paths.
 */
export function renderServiceUnit(p: ServiceUnitParams): string {
  const label = p.instance ? ` (instance ${p.instance})` : '';
  const env = (name: string, value: string) => `Environment=${quoteUnitWord(`${name}=${value}`)}`;
  return [
    `${UNIT_MARKER} (@ferry/core ${p.version}) for ${p.configPath}.`,
    '# Run it again after moving Ferry or Node, or after changing [restart] drain_timeout_s.',
    '[Unit]',
    `Description=Ferry${label}: coding agents from chat`,
    '',
    '[Service]',
    'Type=notify',
    'NotifyAccess=main',
    `ExecStart=${quoteUnitWord(p.nodePath)} ${quoteUnitWord(p.cliPath)} run`,
    env('FERRY_CONFIG_PATH', p.configPath),
    ...(p.path ? [env('PATH', p.path)] : []),
    `SyslogIdentifier=${p.instance ? `ferry-${p.instance}` : 'ferry'}`,
    'KillMode=mixed',
    `TimeoutStopSec=${p.stopTimeoutS}`,
    'Restart=always',
    'RestartSec=2',
    'OOMScoreAdjust=-100',
    'OOMPolicy=continue',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}
