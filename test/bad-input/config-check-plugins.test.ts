import { describe, expect, it } from 'vitest';
import { ferry, instanceDir } from '../support/daemon.js';

/*
 * A bad-input finding (issue #11): `ferry config check` validated only the core's keys, so a
 * config that `ferry run` refuses — a broken plugin section — passed the check, although the
 * command promises "exit 1 with file:line: key: problem when it is invalid". It now checks
 * every configured plugin's section the way startup does.
 */
const CONFIG = `default_engine = "demo"
[engines.demo]
delay_ms = -5
`;

describe('ferry config check and plugin sections', () => {
  it('rejects a config whose plugin section `ferry run` rejects, naming file:line: key', () => {
    const { config } = instanceDir(CONFIG);
    const check = ferry(['config', 'check'], { FERRY_CONFIG_PATH: config });
    expect(check.stderr).toContain(`${config}:3: engines.demo.delay_ms`);
    expect(check.code).toBe(1);
  });
});
