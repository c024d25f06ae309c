import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigInvalidError } from '../../packages/core/src/config/config-invalid-error.js';
import { loadConfig, validateSection } from '../../packages/core/src/config/load-config.js';
import { slackConfigSchema } from '../../packages/transport-slack/src/slack-config.js';
import { telegramConfigSchema } from '../../packages/transport-telegram/src/telegram-config.js';
import demoPlugin from '../../plugins/engine-demo/src/plugin.js';
import { ferry, instanceDir } from '../support/daemon.js';
import { BASE_CONFIG, type ConfigCase, configCases } from './config-mutations.js';

const SEED = 4242;
const CASES = configCases(SEED, 7);
const STACK_FRAME = /\n\s+at .+[(:]\d+/;

/** What `ferry run` does with a config: the core's validation, then each plugin's section. */
function validate(path: string, c: ConfigCase): void {
  const loaded = loadConfig(path, {});
  if (c.section === 'telegram') validateSection(loaded, ['transports', 'telegram'], telegramConfigSchema);
  if (c.section === 'slack') validateSection(loaded, ['transports', 'slack'], slackConfigSchema);
  if (c.section === 'demo') validateSection(loaded, ['engines', 'demo'], demoPlugin.configSchema!);
}

describe('config fuzz: malformed ferry.toml files', () => {
  it('the base config is valid (so each case fails for its own damage)', () => {
    const { config } = instanceDir(BASE_CONFIG);
    for (const section of ['core', 'telegram', 'slack', 'demo'] as const)
      expect(() => validate(config, { name: 'base', text: BASE_CONFIG, section, key: '' })).not.toThrow();
  });

  it(`${CASES.length} generated cases each fail with ConfigInvalidError naming file, line and key — never a crash`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    const { dir } = instanceDir();
    const wrong: string[] = [];
    for (const [i, c] of CASES.entries()) {
      const path = join(dir, `case-${i}.toml`);
      writeFileSync(path, c.text);
      let err: unknown;
      try {
        validate(path, c);
      } catch (e) {
        err = e;
      }
      const lines = c.text.split('\n').length;
      const problem = !(err instanceof ConfigInvalidError)
        ? `threw ${err === undefined ? 'nothing' : String((err as Error).stack ?? err)}`
        : err.code !== 'FERRY_CONFIG_INVALID'
          ? `code ${err.code}`
          : err.file !== path
            ? `file ${err.file}`
            : err.line === undefined || err.line < 1 || err.line > lines
              ? `line ${err.line} (file has ${lines})`
              : !err.key?.startsWith(c.key)
                ? `key "${err.key}", expected "${c.key}…"`
                : STACK_FRAME.test(err.message)
                  ? 'a stack trace in the message'
                  : undefined;
      if (problem) wrong.push(`${c.name}: ${problem}\n${err instanceof Error ? err.message : ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('through the real CLI: `ferry config check` exits 1 with one `error:` line (file:line: key), no stack trace', () => {
    const picks = [
      'unclosed table header #1',
      'duplicate key #1',
      'wrong type #1',
      'unknown key #1',
      'bad cron schedule #1',
      'NUL byte #1',
    ];
    for (const name of picks) {
      const c = CASES.find((x) => x.name === name)!;
      const { config } = instanceDir(c.text);
      const r = ferry(['config', 'check'], { FERRY_CONFIG_PATH: config });
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0], name).toMatch(
        new RegExp(
          `^error: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: ${c.key.replace(/\./g, '\\.')}`,
        ),
      );
      expect(r.stderr, name).not.toMatch(STACK_FRAME);
    }
  });
});
