import { writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ferry, instanceDir, startDaemon } from '../support/daemon.js';
import { loopchat, loopchatConfig } from '../support/loopchat.js';

const CRON = `
[[triggers.crons]]
id = "hot"
schedule = "* * * * * *"
timezone = "UTC"
prompt = "from the cron"
chat = "loopchat:c1"
run_once = true
`;

describe('a cron added by editing ferry.toml', () => {
  it('fires without a restart, once, and not again after SIGKILL and a restart', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat, '[triggers]\nenabled = true\n'));
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    writeFileSync(config, loopchatConfig(chat, `[triggers]\nenabled = true\n${CRON}`));
    const fired = () => chat.bot.filter((m) => m.text.includes('via ⏰ cron:hot'));
    await chat.waitFor(() => fired().length > 0, 15_000, 'the cron answer');
    expect(fired()[0]!.text).toContain('You said: "from the cron"');
    expect(first.logs().some((l) => l.msg === 'config reloaded')).toBe(true);
    expect(first.logs().filter((l) => l.msg === 'ferry is ready')).toHaveLength(1);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.triggers.crons).toEqual([
      expect.objectContaining({ id: 'hot', finished: true, next: null, description: 'every second UTC' }),
    ]);
    first.proc.kill('SIGKILL');
    await first.exit;

    const second = startDaemon(config);
    await second.waitForLog('ferry is ready');
    await delay(2_000);
    expect(fired()).toHaveLength(1);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
