import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './__fixtures__/temp-dir.js';
import { DEFAULT_STOP_TIMEOUT_MS, findInstalledUnit, unitNameFor, userUnitDir } from './installed-unit.js';

describe('findInstalledUnit', () => {
  it('finds the user unit that runs a config, honouring XDG_CONFIG_HOME and %h', () => {
    const home = makeTempDir();
    const xdg = join(home, 'xdg');
    const env = { HOME: home, XDG_CONFIG_HOME: xdg };
    const dir = userUnitDir(env);
    expect(dir).toBe(join(xdg, 'systemd', 'user'));
    mkdirSync(dir, { recursive: true });
    const unit = (config: string, extra = '') =>
      `[Service]\nType=notify\nExecStart=/usr/bin/node /opt/ferry/dist/cli.js run\nEnvironment=FERRY_CONFIG_PATH=${config}\n${extra}`;
    writeFileSync(join(dir, 'ferry.service'), unit('%h/.ferry/ferry.toml', 'TimeoutStopSec=2min 30s\n'));
    writeFileSync(join(dir, 'ferry-dev.service'), unit(join(home, '.ferry-dev', 'ferry.toml')));
    writeFileSync(join(dir, 'other.service'), '[Service]\nExecStart=/bin/true\n');

    const main = findInstalledUnit(join(home, '.ferry', 'ferry.toml'), env);
    expect(main?.name).toBe(unitNameFor(undefined));
    expect(main?.stopTimeoutMs).toBe(150_000);
    const dev = findInstalledUnit(join(home, '.ferry-dev', 'ferry.toml'), env);
    expect(dev?.name).toBe(unitNameFor('dev'));
    // no TimeoutStopSec: systemd's default applies
    expect(dev?.stopTimeoutMs).toBe(DEFAULT_STOP_TIMEOUT_MS);
    expect(findInstalledUnit(join(home, 'elsewhere', 'ferry.toml'), env)).toBeUndefined();
    expect(
      findInstalledUnit(join(home, '.ferry', 'ferry.toml'), {
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'none'),
      }),
    ).toBeUndefined();
  });
});
