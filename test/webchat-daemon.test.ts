import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import {
  ChatPage,
  describeWithBrowser,
  sharedBrowser,
} from '../plugins/transport-webchat/src/__fixtures__/browser.js';
import {
  E2E_TOKEN,
  freePort,
  webchatConfig,
} from '../plugins/transport-webchat/src/__fixtures__/webchat-daemon.js';
import { ferry, instanceDir, REPO, startDaemon } from './support/daemon.js';
import { alive, descendants } from './support/proc.js';

/*
 * The webchat plugin in the real daemon (reached through `[plugins] paths`), driven from a
 * real chromium: what a user without Telegram or Slack sees.
 */
const browser = sharedBrowser();

async function daemonWithPage(chatId: string) {
  const port = await freePort();
  const { dir, config } = instanceDir(webchatConfig(port));
  const daemon = startDaemon(config);
  await daemon.waitForLog('ferry is ready');
  const base = `http://127.0.0.1:${port}/`;
  const chat = await ChatPage.open(await browser.context(), `${base}?token=${E2E_TOKEN}&chat=${chatId}`);
  return { daemon, chat, base, config, dir };
}

describeWithBrowser('webchat in the daemon', () => {
  it('shows a message, its progress edited in place, and the answer replying to it with its footer', async () => {
    const { daemon, chat, dir } = await daemonWithPage('demo');
    const id = await chat.say('hello from the browser');
    const answer = chat.repliesTo(id).filter({ hasText: 'You said: "hello from the browser"' });
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.locator('.footer').textContent()).toMatch(
      /^— demo \(demo\) · \d+ ms · \d+ in \/ \d+ out tokens/,
    );
    // the progress message was the first reply, and ends as the run's summary, without a button
    const progress = chat.repliesTo(id).first();
    await expect.poll(() => progress.textContent(), { timeout: 5000 }).toMatch(/✓ done · .* · 3 step\(s\)/);
    expect(await progress.locator('button').count()).toBe(0);
    expect(await chat.repliesTo(id).count()).toBe(2);
    await expect.poll(() => chat.bubble(id).locator('.state').textContent()).toBe('');

    // the README's screenshot: an answer above, a second turn at work below
    const second = await chat.say('sleep 2');
    await chat.repliesTo(second).first().getByText('▸ $ sleep 2').waitFor({ timeout: 15_000 });
    // written into the docs only when asked, so a test run leaves the work tree alone
    const shot = await chat.page.screenshot({ path: join(dir, 'webchat.png') });
    expect(shot.length).toBeGreaterThan(10_000);
    if (process.env.FERRY_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(REPO, 'docs/img'), { recursive: true });
      copyFileSync(join(dir, 'webchat.png'), join(REPO, 'docs/img/webchat.png'));
    }
    await chat.repliesTo(second).filter({ hasText: 'This is turn 2' }).waitFor({ timeout: 15_000 });

    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('stops a `sleep 30` run when its Cancel button is pressed', async () => {
    const { daemon, chat, config } = await daemonWithPage('cancel');
    const id = await chat.say('sleep 30');
    const progress = chat.repliesTo(id).first();
    await progress.getByText('▸ $ sleep 30').waitFor({ timeout: 15_000 });
    const sleepers = descendants(daemon.proc.pid!);
    onTestFinished(() => {
      for (const pid of sleepers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    });
    expect(sleepers.length).toBeGreaterThan(0);

    await progress.getByRole('button', { name: 'Cancel' }).click();
    await chat.repliesTo(id).filter({ hasText: '⚠️ cancelled' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => sleepers.filter(alive), { timeout: 10_000 }).toEqual([]);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.runs).toEqual([]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('answers 401 to a wrong or missing token, and takes nothing from such a request', async () => {
    const { daemon, chat, base } = await daemonWithPage('guarded');
    const post = (headers: Record<string, string>) =>
      fetch(`${base}api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ kind: 'message', chat: 'guarded', id: 'intruder1', text: 'run rm -rf' }),
      });
    for (const res of [
      await post({}),
      await post({ authorization: 'Bearer not-the-token-at-all' }),
      await fetch(`${base}?token=not-the-token-at-all`, { redirect: 'manual' }),
      await fetch(`${base}api/events?chat=guarded`),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'FERRY_WEBCHAT_UNAUTHORIZED' });
    }
    // a fresh browser without the token gets no page
    const stranger = await (await browser.context()).newPage();
    expect((await stranger.goto(base))?.status()).toBe(401);

    // the chat stayed empty: nothing was journaled, so nothing was answered
    await chat.page.waitForTimeout(500);
    expect(await chat.page.locator('.msg').count()).toBe(0);
    expect(daemon.logs().some((l) => JSON.stringify(l).includes('rm -rf'))).toBe(false);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
