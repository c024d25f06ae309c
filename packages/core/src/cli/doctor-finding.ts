/** One line of `ferry doctor`: passed, a warning, or a failure with what to do about it. */
export interface Finding {
  readonly ok: boolean | 'warn';
  readonly check: string;
  readonly detail: string;
  /** What to do; every failure has one. */
  readonly hint?: string;
}

export function pass(check: string, detail: string): Finding {
  return { ok: true, check, detail };
}

export function warn(check: string, detail: string, hint?: string): Finding {
  return { ok: 'warn', check, detail, ...(hint ? { hint } : {}) };
}

export function fail(check: string, detail: string, hint: string): Finding {
  return { ok: false, check, detail, hint };
}

/**
 * `✓ check: detail`, `! …`, `✗ … — fix: hint`. A multi-line detail (a config error with
 * several problems) keeps its further lines, indented under the first.
 */
export function formatFinding(f: Finding): string {
  const mark = f.ok === true ? '✓' : f.ok === 'warn' ? '!' : '✗';
  const [first = '', ...rest] = f.detail.split('\n');
  const hint = f.hint ? ` — fix: ${f.hint}` : '';
  return [`${mark} ${f.check}: ${first}${hint}`, ...rest.map((l) => `    ${l}`)].join('\n');
}
