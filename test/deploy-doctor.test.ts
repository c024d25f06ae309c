import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, ferry, instanceDir, REPO, startDaemon } from './support/daemon.js';

const PROBE = join(REPO, 'test/fixtures/plugins/transport-probe');

/** Doctor's environment: a throwaway home, so no real unit or config is looked at. */
function env(config: string, dir: string) {
  return { FERRY_CONFIG_PATH: config, HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg') };
}

describe('ferry doctor', () => {
  it('reports all five problems of a config in one run, each with a fix, and exits 1', () => {
    const { dir, config } = instanceDir(`default_engine = "claude"

[engines.claude]
path = "/nonexistent/bin/claude"

[transports.console]
bogus = 1

[transports.probe]
reachable = false

[restart]
drain_timeout_s = 120
stop_timeout_s = 100

[plugins]
paths = ["${PROBE}"]
`);
    // a state dir others can read: the journal holds every prompt
    mkdirSync(join(dir, 'state'), { mode: 0o755 });
    chmodSync(join(dir, 'state'), 0o755);

    const r = ferry(['doctor'], env(config, dir));
    expect(r.code).toBe(1);
    const failed = r.stdout.split('\n').filter((l) => l.startsWith('✗'));
    expect(failed.map((l) => l.slice(2, l.indexOf(':', 2)))).toEqual([
      'engine', // engine:claude — Runner.check() cannot run the binary
      'transport', // transport:console — its section fails the plugin's schema
      'transport', // transport:probe — Transport.check() cannot reach the platform
      'permissions',
      'timeouts',
    ]);
    expect(failed[0]).toMatch(/^✗ engine:claude: .*\/nonexistent\/bin\/claude.* — fix: /);
    expect(failed[1]).toMatch(/^✗ transport:console: .*transports\.console.*bogus.* — fix: /);
    expect(failed[2]).toMatch(
      /^✗ transport:probe: cannot reach probe\.example.* — fix: check the credentials in \[transports\.probe\]/,
    );
    expect(failed[3]).toMatch(
      new RegExp(`^✗ permissions: ${join(dir, 'state')} is 0755 .* — fix: chmod 700 ${join(dir, 'state')}$`),
    );
    expect(failed[4]).toMatch(
      /^✗ timeouts: restart\.drain_timeout_s \(120 s\) is not at least 10 s below the stop timeout \(100 s, \[restart\] stop_timeout_s in .*\) — fix: /,
    );

    const json = JSON.parse(ferry(['doctor', '--json'], env(config, dir)).stdout) as {
      ok: boolean;
      findings: { ok: boolean | 'warn'; check: string; detail: string; hint?: string }[];
    };
    expect(json.ok).toBe(false);
    const bad = json.findings.filter((f) => f.ok === false);
    expect(bad.map((f) => f.check)).toEqual([
      'engine:claude',
      'transport:console',
      'transport:probe',
      'permissions',
      'timeouts',
    ]);
    expect(bad.every((f) => typeof f.hint === 'string' && f.hint.length > 0)).toBe(true);
  });

  it('prints the exact config error and still runs the checks that need no config', () => {
    const { dir, config } = instanceDir('default_engine = "demo"\n[restart]\ndrain_timeout_s = "2m"\n');
    const r = ferry(['doctor'], env(config, dir));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✗ config: ${config}:3: restart.drain_timeout_s: `);
    for (const check of ['lock', 'unit', 'time zones', 'daemon'])
      expect(r.stdout).toMatch(new RegExp(`^[✓!] ${check}: `, 'm'));
  });

  it('passes a healthy instance: checks run, lock held by the running daemon, exit 0', async () => {
    const { dir, config } = instanceDir(`${DEMO_CONFIG}
[transports.probe]
reachable = true

[restart]
drain_timeout_s = 20
stop_timeout_s = 60

[plugins]
paths = ["${PROBE}"]
`);
    const d = startDaemon(config, env(config, dir));
    await d.waitForLog('ferry is ready');
    const r = ferry(['doctor'], env(config, dir));
    expect(r.stdout).not.toMatch(/^✗/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ transport:probe: ferry-transport-probe@1.0.0');
    expect(r.stdout).toContain('reached probe.example as @probe_bot');
    expect(r.stdout).toMatch(/^✓ engine:demo: /m);
    expect(r.stdout).toContain(`✓ permissions: ${join(dir, 'state')} is 0700 and its database files 0600`);
    expect(r.stdout).toContain(`✓ lock: held by pid ${d.proc.pid} (running)`);
    expect(r.stdout).toContain(
      '✓ timeouts: drain 20 s fits in the stop timeout (60 s, [restart] stop_timeout_s',
    );
    expect(r.stdout).toMatch(/^✓ time zones: \d+ zones known/m);
    expect(r.stdout).toContain(`✓ daemon: running (pid ${d.proc.pid}, running)`);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
    // after a clean stop the lock is free again
    expect(ferry(['doctor'], env(config, dir)).stdout).toMatch(
      /^✓ lock: free \(no ferry runs for this config; no pid file\)/m,
    );
  });
});
