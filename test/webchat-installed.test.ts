import { expect, it } from 'vitest';
import {
  ChatPage,
  describeWithBrowser,
  sharedBrowser,
} from '../plugins/transport-webchat/src/__fixtures__/browser.js';
import {
  E2E_TOKEN,
  WEBCHAT_PLUGIN_DIR,
  webchatConfig,
} from '../plugins/transport-webchat/src/__fixtures__/webchat-daemon.js';
import { ferry, instanceDir, startDaemon } from './support/daemon.js';

/*
 * Issue #12 asks for the installed-plugin path: `ferry plugins add <dir>` puts the package into
 * the instance's own plugins dir, and the daemon finds it there with no `[plugins] paths`.
 */
const browser = sharedBrowser();

describeWithBrowser('webchat as an installed plugin', () => {
  it('is installed with `ferry plugins add`, listed from the state dir, and chats on the port it picked', async () => {
    const { config } = instanceDir(webchatConfig(0, { viaPaths: false }));
    const env = { FERRY_CONFIG_PATH: config, npm_config_offline: 'true' };
    const added = ferry(['plugins', 'add', WEBCHAT_PLUGIN_DIR], env);
    expect(added.stderr + added.stdout).toContain(
      'installed ferry-transport-webchat@0.1.0: transport:webchat',
    );
    expect(added.code).toBe(0);
    const listed = JSON.parse(ferry(['plugins', 'list', '--json'], env).stdout) as {
      plugins: { id: string; source: string; status: string }[];
    };
    expect(listed.plugins.find((p) => p.id === 'webchat')).toMatchObject({
      source: 'state',
      status: 'loaded',
    });

    const daemon = startDaemon(config);
    // port = 0: the port it picked is in the log
    const listening = await daemon.waitForLog(/^webchat is listening/);
    expect(JSON.stringify(listening)).not.toContain(E2E_TOKEN);
    const url = String(listening.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await daemon.waitForLog('ferry is ready');

    const chat = await ChatPage.open(await browser.context(), `${url}?token=${E2E_TOKEN}&chat=installed`);
    const id = await chat.say('hello, installed plugin');
    await chat.repliesTo(id).filter({ hasText: '— demo' }).waitFor({ timeout: 15_000 });
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
