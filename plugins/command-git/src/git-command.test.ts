import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@ferry/core';
import { CommandTester, createTestPluginContext, MemoryTransport } from '@ferry/core/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { GitCommand } from './git-command.js';
import { gitConfigSchema } from './git-config.js';

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-git-cmd-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  return dir;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], { cwd: dir });
}

function tester(cwd: string, config: Record<string, unknown> = {}, transport?: MemoryTransport) {
  const command = new GitCommand(gitConfigSchema.parse(config), createTestPluginContext(), new SystemClock());
  return new CommandTester(command, { cwd, ...(transport ? { transport } : {}) });
}

describe('/git', () => {
  it('status shows the branch and changes with [Diff] [Log]; pressing them edits the same message', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    git(dir, 'add', 'a.txt');
    git(dir, 'commit', '-q', '-m', 'first commit');
    writeFileSync(join(dir, 'a.txt'), 'one\ntwo\n');
    writeFileSync(join(dir, 'b.txt'), 'new\n');
    const t = tester(dir);

    const [status] = await t.send('/git status');
    expect(status!.text).toBe(`📂 git status · ${dir}\n🌿 main\n\`\`\`\n M a.txt\n?? b.txt\n\`\`\``);
    expect(status!.buttons).toEqual([
      [
        { text: 'Diff', data: 'cmd:git:diff' },
        { text: 'Log', data: 'cmd:git:log' },
      ],
    ]);

    expect(await t.press(status!.ref, 'Diff')).toEqual([]); // nothing new: an edit
    expect(status!.text).toContain('unstaged:\ndiff --git a/a.txt b/a.txt');
    expect(status!.text).toContain('+two');
    expect(status!.buttons!.flat().map((b) => b.text)).toEqual(['Status', 'Log']);

    await t.press(status!.ref, 'Log');
    expect(status!.buttons!.flat().map((b) => b.text)).toEqual(['Status', 'Diff']);
    expect(status!.text).toMatch(/^📂 git log · .*\n```\n[0-9a-f]{7,} \(HEAD -> main\) first commit\n```$/);
  });

  it('answers plainly for a clean tree, a repository without commits, and no changes', async () => {
    const dir = repo();
    const t = tester(dir);
    expect((await t.send('/git'))[0]!.text).toBe(
      `📂 git status · ${dir}\n🌿 No commits yet on main\n✓ working tree clean`,
    );
    expect((await t.send('/git log'))[0]!.text).toBe(`📂 git log · ${dir}\nNo commits yet.`);
    expect((await t.send('/git diff'))[0]!.text).toBe(`📂 git diff · ${dir}\nNo changes to tracked files.`);
    expect((await t.send('/git blame'))[0]!.text).toBe('Usage: /git [status|log|diff]');
  });

  it('says so when the chat’s directory is not a repository, or git is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-not-repo-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    expect((await tester(dir).send('/git'))[0]!.text).toBe(`⚠️ ${dir} is not a git repository`);
    expect((await tester(dir, { path: '/nonexistent/git' }).send('/git'))[0]!.text).toMatch(
      /^⚠️ git is not installed or not on PATH \(looked for "\/nonexistent\/git"\)/,
    );
  });

  it('keeps a big diff to a chat-sized block, within the transport’s own limit', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'big.txt'), '');
    git(dir, 'add', 'big.txt');
    git(dir, 'commit', '-q', '-m', 'empty');
    writeFileSync(join(dir, 'big.txt'), Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n'));
    const t = tester(dir, { max_chars: 5000 }, new MemoryTransport('small', { maxTextLength: 1000 }));
    const [diff] = await t.send('/git diff');
    expect(diff!.text.length).toBeLessThanOrEqual(1000);
    expect(diff!.text).toMatch(/\n… \d+ more line\(s\)$/);
  });
});
