import { BASE_CONFIG, core, type Generator, PATH, set } from './base-config.js';

/** TOML that does not parse: each must fail with the line and the key (or table) at fault. */
export const SYNTAX_MUTATIONS: Record<string, Generator> = {
  'unclosed table header': (r) => {
    const h = r.pick(['restart', 'ingress', 'engines.demo', 'projects.site']);
    return core(set(BASE_CONFIG, new RegExp(`^\\[${h.replace('.', '\\.')}\\]$`, 'm'), `[${h}`), h);
  },
  'unclosed string': (r) => {
    const [k, v] = r.pick([
      ['log_level', 'info'],
      ['on_config_change', 'restart'],
      ['prompt', 'good morning'],
    ] as const);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = "${v}"$`, 'm'), `${k} = "${v}`), PATH[k]!);
  },
  'duplicate key': (r) => {
    const line = r.pick(['drain_timeout_s = 120', 'max_attempts = 3', 'log_level = "info"']);
    return core(
      set(BASE_CONFIG, new RegExp(`^${line}$`, 'm'), `${line}\n${line}`),
      PATH[line.split(' ')[0]!]!,
    );
  },
  'duplicate table': () => core(`${BASE_CONFIG}\n[restart]\ndrain_timeout_s = 5\n`, 'restart'),
  'missing value': (r) => {
    const k = r.pick(['drain_timeout_s', 'max_attempts', 'poll_timeout_s']);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} =`), PATH[k]!);
  },
  'bare word value': (r) => {
    const k = r.pick(['drain_timeout_s', 'log_level', 'max_attempts']);
    return core(
      set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} = ${r.pick(['soon', 'yes please', 'info'])}`),
      PATH[k]!,
    );
  },
  'invalid escape': () =>
    core(set(BASE_CONFIG, /^prompt = .*$/m, 'prompt = "good \\q morning"'), 'triggers.crons'),
  'stray line': (r) => {
    const lines = BASE_CONFIG.split('\n');
    const at = r.int(1, lines.length - 2);
    lines.splice(
      at,
      0,
      r.pick(['@@@', '= 5', ']]', 'key = = 1', '[ ]', '"unterminated', 'a.b. = 1', '[[]]']),
    );
    return core(lines.join('\n'), '');
  },
  'unclosed array': () =>
    core(set(BASE_CONFIG, /^allowed_user_ids = \[1111, 2222\]$/m, 'allowed_user_ids = [1111, 2222'), ''),
  'unclosed inline table': () =>
    core(set(BASE_CONFIG, /^max_attempts = 3$/m, 'max_attempts = 3\nextra = { a = 1, b = 2'), 'ingress'),
  'control character': (r) =>
    core(
      set(BASE_CONFIG, /^prompt = .*$/m, `prompt = "good${String.fromCharCode(r.int(1, 8))}morning"`),
      'triggers.crons',
    ),
  'invalid number': (r) => {
    const v = r.pick(['1__0', '0x', '1e', '+-1', '12_', '0b2', '1.2.3', '--5']);
    return core(set(BASE_CONFIG, /^drain_timeout_s = .*$/m, `drain_timeout_s = ${v}`), 'restart');
  },
  'table redefined as value': () => core(`restart = 1\n${BASE_CONFIG}`, 'restart'),
  'NUL byte': (r) => {
    const at = r.int(10, BASE_CONFIG.length - 10);
    return core(`${BASE_CONFIG.slice(0, at)}\0${BASE_CONFIG.slice(at)}`, '');
  },
  'lone surrogate escape': () =>
    core(set(BASE_CONFIG, /^prompt = .*$/m, 'prompt = "\\uD800"'), 'triggers.crons'),
  'newline in basic string': () =>
    core(set(BASE_CONFIG, /^prompt = .*$/m, 'prompt = "good\nmorning"'), 'triggers.crons'),
};
