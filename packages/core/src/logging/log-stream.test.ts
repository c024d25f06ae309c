import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeTempDir } from '../supervisor/__fixtures__/temp-dir.js';
import { chooseLogFormat, logStream, writesToJournal } from './log-stream.js';
import { createLogger } from './logger.js';
import { prettyLine } from './pretty-line.js';

function sink() {
  const lines: string[] = [];
  return { lines, write: (l: string) => void lines.push(l) };
}

describe('log lines', () => {
  it('scrub secret values wherever they appear, also JSON-escaped, besides the redacted paths', () => {
    const out = sink();
    const secret = 'tok"en\\123456';
    const log = createLogger({ destination: out, secrets: () => ['SECRET123', secret, 'abc'] });
    log.error({ err: new Error('GET https://api.example/botSECRET123/getMe failed') }, 'poll failed');
    log.info({ config: { bot_token: 'SECRET123' } }, `value ${secret}; short abc stays`);
    const text = out.lines.join('');
    expect(text).not.toContain('SECRET123');
    expect(text).not.toContain('123456');
    expect(text).toContain('short abc stays');
    expect(out.lines.map((l) => JSON.parse(l).msg)).toEqual([
      'poll failed',
      'value [redacted]; short abc stays',
    ]);
  });

  it('are JSON for pipes and journald, pretty for a terminal, unless FERRY_LOG_FORMAT says', () => {
    expect(chooseLogFormat({}, false)).toBe('json');
    expect(chooseLogFormat({}, true)).toBe('pretty');
    expect(chooseLogFormat({ FERRY_LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(chooseLogFormat({ FERRY_LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });

  it('render pretty as time, level, message, fields and an indented stack', () => {
    const out = sink();
    const log = createLogger({ destination: logStream(out, { format: 'pretty' }) });
    log.warn({ transport: 'console', n: 2 }, 'slow');
    log.error({ err: Object.assign(new Error('boom'), { code: 'FERRY_X' }) }, 'failed');
    expect(out.lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}slow transport=console n=2\n$/);
    expect(out.lines[1]).toMatch(/ERROR failed \[FERRY_X\]\n {4}Error: boom\n {8}at /);
    expect(prettyLine('not json', false)).toBe('not json');
  });

  it('prefix the syslog priority only when stderr is the journal stream systemd named', () => {
    const file = join(makeTempDir(), 'journal');
    const fd = openSync(file, 'w');
    onTestFinished(() => closeSync(fd));
    const st = fstatSync(fd);
    expect(writesToJournal({ JOURNAL_STREAM: `${st.dev}:${st.ino}` }, fd)).toBe(true);
    expect(writesToJournal({ JOURNAL_STREAM: `${st.dev}:${st.ino + 1}` }, fd)).toBe(false);
    expect(writesToJournal({}, fd)).toBe(false);
    const out = sink();
    const log = createLogger({ destination: logStream(out, { format: 'json', journal: true }) });
    log.info('hello');
    log.error('bad');
    expect(out.lines.map((l) => l.slice(0, 3))).toEqual(['<6>', '<3>']);
    expect(JSON.parse(out.lines[0]!.slice(3)).msg).toBe('hello');
  });
});
