import { describe, expect, it } from 'vitest';
import { ferry, instanceDir, startDaemon } from '../support/daemon.js';
import { loopchat, loopchatConfig } from '../support/loopchat.js';

const HOOK = `[triggers]
enabled = true
[triggers.server]
port = 0
[[triggers.webhooks]]
id = "gh"
path = "/github"
auth = "bearer"
secret = "hook-secret"
prompt_template = "Build {{payload.build}} finished"
chat = "loopchat:c1"
`;

function webhookUrl(config: string): string {
  const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
  expect(status.triggers.server).toMatchObject({ listening: true, socket_activated: false });
  return `http://${status.triggers.server.address}/hooks/github`;
}

const post = (url: string, token: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });

describe('webhooks through the daemon', () => {
  it('refuse a bad token, and run a call accepted right before SIGKILL once after the restart', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat, `${HOOK}\n[restart]\nlive_restore = false\n`));
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    const url = webhookUrl(config);
    const refused = await post(url, 'wrong', { build: 1 });
    expect(refused.status).toBe(401);

    // the chat is busy, so the accepted call waits in the journal behind a long run
    const busy = chat.say('c1', 'sleep 30');
    await chat.waitFor(
      () => chat.repliesTo(busy.id).some((m) => m.text.includes('sleep')),
      10_000,
      'the long action',
    );
    const accepted = await post(url, 'hook-secret', { build: 42 });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({ accepted: true, webhook: 'gh', duplicate: false });
    first.proc.kill('SIGKILL');
    await first.exit;
    expect(chat.bot.some((m) => m.text.includes('via 🪝 webhook:gh'))).toBe(false);

    const ran = () => chat.bot.filter((m) => m.text.includes('via 🪝 webhook:gh'));
    const second = startDaemon(config);
    await chat.waitFor(() => ran().length > 0, 20_000, 'the webhook run');
    expect(ran()).toHaveLength(1);
    expect(ran()[0]!.text).toContain('You said: "[Ferry: this run was started by webhook "gh".');
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.triggers).toMatchObject({
      enabled: true,
      webhooks: [
        { id: 'gh', url_path: '/hooks/github', auth: 'bearer', action: 'agent_run', chat: 'loopchat:c1' },
      ],
      at_pending: 0,
    });
    expect(chat.bot.filter((m) => m.text.includes('started by webhook "gh"'))).toHaveLength(1);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
