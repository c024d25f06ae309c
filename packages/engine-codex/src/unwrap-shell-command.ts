/*
 * codex runs every command through a login shell and reports it so:
 * `/bin/bash -lc 'echo hello'`. The progress line shows what the model asked for.
 */
const WRAPPER = /^(?:\/usr)?(?:\/bin\/)?(?:ba|z)?sh -l?c (.+)$/s;

/** The command inside `bash -lc '…'` (or `sh -c`, `zsh -lc`), else the command as given. */
export function unwrapShellCommand(command: string | readonly string[]): string {
  if (Array.isArray(command)) {
    const [shell, flag, script] = command as readonly string[];
    if (command.length === 3 && /(?:^|\/)(?:ba|z)?sh$/.test(shell ?? '') && /^-l?c$/.test(flag ?? ''))
      return script!;
    return command.join(' ');
  }
  const text = command as string;
  const inner = WRAPPER.exec(text)?.[1];
  return (inner !== undefined && singleShellWord(inner)) || text;
}

/**
 * POSIX shell quoting of exactly one word ('…', "…" with its four escapes, \x, bare
 * characters); undefined when the text is more than one word or is not closed.
 */
function singleShellWord(s: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out += s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1]!)) i++;
        out += s[i];
        i++;
      }
      if (i >= s.length) return undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= s.length) return undefined;
      out += s[i + 1];
      i += 2;
    } else if (/\s/.test(c)) {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
