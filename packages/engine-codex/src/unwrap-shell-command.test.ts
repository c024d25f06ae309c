import { describe, expect, test } from 'vitest';
import { unwrapShellCommand } from './unwrap-shell-command.js';

describe('unwrapShellCommand', () => {
  test.each([
    ["/bin/bash -lc 'echo hello'", 'echo hello'],
    ['/bin/bash -lc ls', 'ls'],
    ["/bin/bash -lc 'echo '\\''hi'\\'''", "echo 'hi'"],
    ["/bin/bash -lc 'echo '\"'\"'hi'\"'\"''", "echo 'hi'"],
    ['/bin/bash -lc "echo \\"$HOME\\""', 'echo "$HOME"'],
    ["/usr/bin/zsh -lc 'git status'", 'git status'],
    ["bash -lc 'npm test'", 'npm test'],
    ["/bin/bash -lc 'a' extra", "/bin/bash -lc 'a' extra"],
    ["/bin/bash -lc 'unclosed", "/bin/bash -lc 'unclosed"],
    ['rg TODO', 'rg TODO'],
  ])('%s → %s', (command, shown) => {
    expect(unwrapShellCommand(command)).toBe(shown);
  });

  test('the argv form', () => {
    expect(unwrapShellCommand(['bash', '-lc', 'cargo build'])).toBe('cargo build');
    expect(unwrapShellCommand(['rg', '-n', 'TODO'])).toBe('rg -n TODO');
  });
});
