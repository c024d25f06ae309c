import { describe, expect, test } from 'vitest';
import { codexConfigSchema } from './codex-config.js';
import { codexArgs } from './codex-invocation.js';

const req = (resume?: string) => ({
  prompt: 'hi',
  cwd: '/tmp',
  session: 'console:local',
  chat: { transport: 'console', chat: 'local' },
  ...(resume ? { resume } : {}),
});

describe('codexArgs', () => {
  const config = codexConfigSchema.parse({
    model: 'gpt-5.5',
    profile: 'p',
    extra_args: ['-s', 'workspace-write'],
  });

  test('a new thread: exec options, then `-` (prompt on stdin)', () => {
    expect(codexArgs(config, req())).toEqual([
      'exec',
      '--json',
      '--skip-git-repo-check',
      '--color=never',
      '-m',
      'gpt-5.5',
      '--profile',
      'p',
      '-s',
      'workspace-write',
      '-',
    ]);
  });

  test('a resumed thread: exec options before `resume <id> -`, and no --color', () => {
    expect(codexArgs(config, req('thr-1'))).toEqual([
      'exec',
      '--json',
      '--skip-git-repo-check',
      '-m',
      'gpt-5.5',
      '--profile',
      'p',
      '-s',
      'workspace-write',
      'resume',
      'thr-1',
      '-',
    ]);
  });

  test.each([['resume'], ['--json'], ['-'], ['--last']])('extra_args may not carry %s', (arg) => {
    expect(codexConfigSchema.safeParse({ extra_args: [arg] }).success).toBe(false);
  });
});
