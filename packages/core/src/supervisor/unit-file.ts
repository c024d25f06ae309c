/** One `Key=value` line of a systemd unit file. */
export interface UnitEntry {
  readonly section: string;
  readonly key: string;
  readonly value: string;
  /** 1-based line of the key (the first line of a continued value). */
  readonly line: number;
}

/** A parsed unit file: entries in file order, with lookups that follow systemd's rules. */
export class UnitFile {
  constructor(readonly entries: readonly UnitEntry[]) {}

  /** The effective value: for single-valued keys systemd uses the last assignment. */
  get(section: string, key: string): string | undefined {
    return this.all(section, key).at(-1);
  }

  /** Every assignment in order; an empty assignment resets the list, as systemd does. */
  all(section: string, key: string): string[] {
    const out: string[] = [];
    for (const e of this.entries) {
      if (e.section !== section || e.key !== key) continue;
      if (e.value === '') out.length = 0;
      else out.push(e.value);
    }
    return out;
  }

  sections(): string[] {
    return [...new Set(this.entries.map((e) => e.section))];
  }

  /** `Environment=` assignments of `[Service]`, later ones winning, with systemd's quoting undone. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const value of this.all('Service', 'Environment')) {
      for (const word of splitUnitWords(value)) {
        const eq = word.indexOf('=');
        if (eq > 0) env[word.slice(0, eq)] = word.slice(eq + 1);
      }
    }
    return env;
  }
}

/**
 * Parses the syntax of systemd.syntax(7): `[Section]` headers, `Key=value` lines, `#`/`;`
 * comments, and a trailing backslash joining the next line. Lines outside any section and
 * lines without `=` are returned in `problems`, because systemd ignores them with a warning.
 */
export function parseUnitFile(text: string): { unit: UnitFile; problems: string[] } {
  const entries: UnitEntry[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trim();
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    }
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || section === '') {
      problems.push(
        `line ${start + 1}: ${section === '' ? 'outside any section' : 'not Key=value'}: ${line}`,
      );
      continue;
    }
    entries.push({
      section,
      key: line.slice(0, eq).trim(),
      value: line.slice(eq + 1).trim(),
      line: start + 1,
    });
  }
  return { unit: new UnitFile(entries), problems };
}

/** Splits a value into words as systemd does for `Environment=` and `ExecStart=`: quotes group, `\` escapes. */
export function splitUnitWords(value: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      word += value[++i];
      inWord = true;
    } else if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Quotes one word for a unit file: `%` doubled (specifiers), `"` and `\` escaped, quoted when needed. */
export function quoteUnitWord(word: string): string {
  const escaped = word.replace(/%/g, '%%').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return /[\s"'\\]/.test(word) || word === '' ? `"${escaped}"` : escaped;
}

/** Expands the specifiers Ferry's own units use (`%h`, `%%`); others are left as written. */
export function expandSpecifiers(value: string, home: string): string {
  return value.replace(/%([%h])/g, (_, c: string) => (c === 'h' ? home : '%'));
}
