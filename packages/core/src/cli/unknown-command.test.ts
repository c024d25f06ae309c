import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('ferry <unknown>', () => {
  it('names the unknown command and exits 2, instead of complaining about `run`', () => {
    const r = spawnSync(process.execPath, [CLI, 'bogus'], { encoding: 'utf8', env: { ...process.env } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown command 'bogus'\n/);
    expect(r.stdout).toBe('');
  });
});
