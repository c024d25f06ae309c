import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, onTestFinished } from 'vitest';

/** Debian's chromium (`apt-get install chromium`); CI installs it in .ci/run. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` for suites that need the browser. A developer's machine without chromium skips
 * them, saying why (the README's `npm test` must pass with Node and npm alone); under CI
 * (`CI` set, where .ci/run installs chromium) they always run, so CI never passes without them.
 */
export function describeWithBrowser(name: string, suite: () => void): void {
  (existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip)(name, suite);
}
if (!existsSync(CHROMIUM) && !process.env.CI) {
  process.stderr.write(`webchat browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)\n`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One browser per test file (its launch is the slow part); each test gets a fresh context —
 * its own cookies and localStorage — closed when the test ends. Playwright gives every launch
 * a fresh temporary `--user-data-dir`.
 */
export function sharedBrowser(): { context(): Promise<BrowserContext> } {
  const holder: { browser?: Browser } = {};
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: \`apt-get install chromium\` (.ci/run does it on a fresh machine)`,
      );
    }
    holder.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 30_000);
  afterAll(async () => {
    await holder.browser?.close();
  });
  return {
    async context() {
      const context = await holder.browser!.newContext({ viewport: { width: 900, height: 640 } });
      onTestFinished(() => context.close());
      return context;
    },
  };
}

/** The page as a user sees it, by the hooks webchat.js puts in the DOM. */
export class ChatPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<ChatPage> {
    const page = await context.newPage();
    await page.goto(url);
    const chat = new ChatPage(page);
    await chat.connected();
    return chat;
  }

  async connected(timeout = 15_000): Promise<void> {
    await this.page.locator('#status[data-state="connected"]').waitFor({ timeout });
  }

  async say(text: string): Promise<string> {
    await this.page.locator('#input').fill(text);
    await this.page.locator('#input').press('Enter');
    const mine = this.page.locator('.msg.user').filter({ hasText: text }).last();
    await mine.waitFor();
    return (await mine.getAttribute('data-id'))!;
  }

  /** The chat id from the address bar (`?chat=…`). */
  chatId(): string {
    return new URL(this.page.url()).searchParams.get('chat')!;
  }

  bubble(id: string): Locator {
    return this.page.locator(`.msg[data-id="${id}"]`);
  }

  /** Bot messages replying to the user's message `id`, in chat order. */
  repliesTo(id: string): Locator {
    return this.page.locator(`.msg.bot[data-reply-to="${id}"]`);
  }

  /** Bot messages whose text matches. */
  bot(text: string | RegExp): Locator {
    return this.page.locator('.msg.bot').filter({ hasText: text });
  }

  /** Ids of the messages in the order shown. */
  async order(): Promise<string[]> {
    return this.page.locator('.msg').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  }

  /** The page's unsent messages, as kept in its localStorage. */
  async outbox(): Promise<string | null> {
    const key = `ferry-webchat:outbox:${this.chatId()}`;
    // this tsconfig has no DOM lib: the page's globals are typed by hand
    return this.page.evaluate(
      (k) =>
        (
          globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
        ).localStorage.getItem(k),
      key,
    );
  }
}
