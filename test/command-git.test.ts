import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { CLI, ferry, instanceDir, REPO, startDaemon } from './support/daemon.js';

const PLUGIN_DIR = join(REPO, 'plugins', 'command-git');

/** A git repository with one commit, one modified file and one new file. */
function gitRepo(root: string): string {
  const dir = join(root, 'project');
  mkdirSync(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'README.md'), 'hello\n');
  git('add', 'README.md');
  git('commit', '-q', '-m', 'first commit');
  writeFileSync(join(dir, 'README.md'), 'hello\nworld\n');
  writeFileSync(join(dir, 'notes.txt'), 'new\n');
  return dir;
}

describe('ferry-command-git, a third-party command plugin', () => {
  it('installs with `ferry plugins add ./plugins/command-git` (npm, offline) and answers /git status in the console, buttons included', async () => {
    const { dir, config } = instanceDir();
    const project = gitRepo(dir);
    writeFileSync(
      config,
      `default_engine = "demo"\ndefault_cwd = "${project}"\n[transports.console]\n[engines.demo]\ndelay_ms = 20\n`,
    );
    // as typed at a shell in the repository: a relative path, resolved against the working directory
    const add = spawnSync(process.execPath, [CLI, 'plugins', 'add', './plugins/command-git'], {
      cwd: REPO,
      env: { ...process.env, FERRY_CONFIG_PATH: config, npm_config_offline: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(add.stderr).not.toMatch(/^error:/m);
    expect(add.stdout).toContain('installed ferry-command-git@0.1.0: command:git');
    expect(realpathSync(join(dir, 'plugins', 'node_modules', 'ferry-command-git'))).toBe(
      realpathSync(PLUGIN_DIR),
    );

    const list = ferry(['plugins', 'list'], { FERRY_CONFIG_PATH: config });
    expect(list.stdout).toMatch(/command:git\s+ferry-command-git@0\.1\.0\s+\(state\)\s+loaded/);

    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    d.say('/git status');
    await d.waitForStdout(/\[ Diff \] \(\/diff\)/);
    expect(d.stdout()).toContain(`📂 git status · ${project}`);
    expect(d.stdout()).toContain('🌿 main');
    expect(d.stdout()).toMatch(/ M README\.md\n\?\? notes\.txt/);

    // the console turns a button into a typed shortcut: /diff presses [Diff], a callback to the plugin
    d.say('/diff');
    await d.waitForStdout(/\+world/);
    expect(d.stdout()).toContain('📂 git diff');

    d.say('/git blame');
    await d.waitForStdout(/Usage: \/git \[status\|log\|diff\]/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('is in Telegram’s command menu next to /engine and /cost, and its buttons are real callbacks', async () => {
    const ADA = 4242;
    const tg = await telegramServer();
    const { dir, config } = instanceDir();
    const project = gitRepo(dir);
    writeFileSync(
      config,
      telegramConfig(tg, {
        allowedUserIds: [ADA],
        extra: `[plugins]\npaths = ["${PLUGIN_DIR}"]\n`,
      }).replace('default_engine = "demo"', `default_engine = "demo"\ndefault_cwd = "${project}"`),
    );
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    // the menu is published in the background
    await tg.waitFor(() => (tg.commands()?.length ?? 0) > 0, 10_000, 'the command menu');
    const menu = tg.commands()!.map((c) => c.command);
    expect(menu).toEqual(expect.arrayContaining(['git', 'engine', 'cost']));
    expect(menu).not.toContain('engines');

    const asked = tg.userSends(ADA, ADA, '/git');
    const panel = () => tg.repliesTo(ADA, asked.message_id).find((m) => m.text.includes('git status'));
    await tg.waitFor(() => panel() !== undefined, 15_000, 'git status');
    expect(panel()!.text).toContain('?? notes.txt');
    expect(
      panel()!
        .markup?.flat()
        .map((b) => b.text),
    ).toEqual(['Diff', 'Log']);

    const id = panel()!.message_id;
    tg.pressButton(ADA, id, ADA, 'Log');
    await tg.waitFor(() => tg.message(ADA, id)!.text.includes('first commit'), 15_000, 'the log, edited in');
    expect(tg.message(ADA, id)!.text).toMatch(/git log/);
    expect(
      tg
        .message(ADA, id)!
        .markup?.flat()
        .map((b) => b.text),
    ).toEqual(['Status', 'Diff']);

    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
