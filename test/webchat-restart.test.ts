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
import { instanceDir, startDaemon } from './support/daemon.js';
import { alive, descendants } from './support/proc.js';

/*
 * DESIGN §1 and §6 through the webchat: the page stays open while the daemon dies or stops,
 * reconnects by itself to the next generation on the same port, and nothing it sent or was
 * sent is lost or doubled.
 */
const browser = sharedBrowser();

async function setup(chatId: string) {
  const port = await freePort();
  const { config } = instanceDir(`${webchatConfig(port)}\n[restart]\nlive_restore = false\n`);
  const first = startDaemon(config);
  await first.waitForLog('ferry is ready');
  const chat = await ChatPage.open(
    await browser.context(),
    `http://127.0.0.1:${port}/?token=${E2E_TOKEN}&chat=${chatId}`,
  );
  return { config, first, chat };
}

describeWithBrowser('webchat across daemon restarts', () => {
  it('SIGKILL mid-run: after start the progress bubble reads "interrupted", a /continue hint comes, and /continue resumes', async () => {
    const { config, first, chat } = await setup('crash');
    const id = await chat.say('sleep 8');
    const progress = chat.repliesTo(id).first();
    await progress.getByText('▸ $ sleep 8').waitFor({ timeout: 15_000 });
    const progressId = (await progress.getAttribute('data-id'))!;
    const orphans = descendants(first.proc.pid!);
    onTestFinished(() => {
      for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
    });
    first.proc.kill('SIGKILL');
    await first.exit;
    await chat.page.locator('#status:not([data-state="connected"])').waitFor();

    const second = startDaemon(config);
    // the same bubble, repaired by the next generation and seen through the page's reconnect
    await expect
      .poll(() => chat.bubble(progressId).textContent(), { timeout: 20_000 })
      .toMatch(/interrupted/);
    expect(await chat.bubble(progressId).locator('button').count()).toBe(0);
    await chat.bot('/continue').first().waitFor({ timeout: 15_000 });
    expect(await chat.bot('— demo').count()).toBe(0); // not run again on its own

    await chat.say('/continue');
    await chat.bot(/This is turn 2 of demo session/).waitFor({ timeout: 15_000 });
    await chat.page.waitForTimeout(300);
    expect(await chat.bot('— demo').count()).toBe(1);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });

  it('a message typed while the daemon is down waits in the page and is answered once after the start', async () => {
    const { config, first, chat } = await setup('offline');
    const before = await chat.say('before the stop');
    await chat.repliesTo(before).filter({ hasText: '— demo' }).waitFor({ timeout: 15_000 });
    first.proc.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
    await chat.page.locator('#status:not([data-state="connected"])').waitFor();

    const down = await chat.say('written while Ferry was down');
    await chat.page.waitForTimeout(1_000); // the page tries, fails, and keeps it
    expect(await chat.bubble(down).locator('.state').textContent()).toBe('sending…');
    expect(await chat.outbox()).toContain(down);

    const second = startDaemon(config);
    await chat
      .repliesTo(down)
      .filter({ hasText: 'You said: "written while Ferry was down"' })
      .waitFor({ timeout: 20_000 });
    await chat.connected();
    expect(await chat.bubble(down).locator('.state').textContent()).toBe('');
    await chat.page.waitForTimeout(500); // a second answer would show up now
    expect(await chat.repliesTo(down).filter({ hasText: '— demo' }).count()).toBe(1);
    expect(await chat.repliesTo(before).filter({ hasText: '— demo' }).count()).toBe(1);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
