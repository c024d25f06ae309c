import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '@ferry/core';

/** The recorded claude fixtures copied into the repo (test/fixtures/engines/claude). */
export const CLAUDE_FIXTURES = fileURLToPath(
  new URL('../../../../test/fixtures/engines/claude/', import.meta.url),
);
export const FAKE_CLAUDE = fileURLToPath(new URL('../../../../test/fakes/fake-claude.mjs', import.meta.url));

export interface RecordedRun {
  readonly events: JsonObject[];
  readonly exit: { readonly code: number | null; readonly signal: string | null };
  readonly stderr: string;
  readonly argv: string[];
}

export function fixtureNames(): string[] {
  return readdirSync(CLAUDE_FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

export function loadFixture(name: string): RecordedRun {
  const read = (ext: string) => readFileSync(`${CLAUDE_FIXTURES}${name}.${ext}`, 'utf8');
  const meta = JSON.parse(read('meta.json')) as { exit: RecordedRun['exit']; argv: string[] };
  const events = read('jsonl')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as JsonObject);
  return { events, exit: meta.exit, stderr: read('stderr.txt'), argv: meta.argv };
}
