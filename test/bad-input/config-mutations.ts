import { Prng } from '../chaos/prng.js';

/*
 * Malformed ferry.toml files, generated from one valid config: syntax damage, values of the
 * wrong type or range, misspelt keys, broken triggers, and broken plugin sections. Each case
 * says which key the error must name (a prefix of it), so a fuzz failure says what went wrong.
 */

export const BASE_CONFIG = `# a valid config every case starts from
default_engine = "demo"
log_level = "info"

[transports.telegram]
bot_token = "123456:ABC-def_ghi"
chat_id = -1001234567890
allowed_user_ids = [1111, 2222]
poll_timeout_s = 25

[transports.slack]
mode = "socket"
bot_token = "xoxb-1"
app_token = "xapp-1"
channel_ids = ["C0FERRY"]
allowed_user_ids = ["U0ALICE"]

[engines.demo]
delay_ms = 20

[restart]
drain_timeout_s = 120
on_config_change = "restart"

[ingress]
max_attempts = 3

[projects.site]
path = "/srv/site"
chats = ["telegram:-1001234567890:42"]

[triggers]
enabled = true

[[triggers.crons]]
id = "morning"
schedule = "0 9 * * *"
prompt = "good morning"
chat = "telegram:1111"
`;

/** Which validator sees the case: the core's loadConfig, or a plugin's own schema after it. */
export type Section = 'core' | 'telegram' | 'slack' | 'demo';

export interface ConfigCase {
  readonly name: string;
  readonly text: string;
  readonly section: Section;
  /** The error's key must start with this. */
  readonly key: string;
}


/** Where each key of the base config lives. */
const PATH: Record<string, string> = {
  drain_timeout_s: 'restart.drain_timeout_s',
  max_attempts: 'ingress.max_attempts',
  poll_timeout_s: 'transports.telegram.poll_timeout_s',
  log_level: 'log_level',
  on_config_change: 'restart.on_config_change',
  prompt: 'triggers.crons',
};

type Generator = (rng: Prng) => Omit<ConfigCase, 'name'>;

const set = (text: string, from: RegExp, to: string) => {
  if (!from.test(text)) throw new Error(`mutation pattern ${from} not in the base config`);
  return text.replace(from, to);
};
const core = (text: string, key: string): Omit<ConfigCase, 'name'> => ({ text, section: 'core', key });

const GENERATORS: Record<string, Generator> = {
  'unclosed table header': (r) => {
    const h = r.pick(['restart', 'ingress', 'engines.demo', 'projects.site']);
    return core(set(BASE_CONFIG, new RegExp(`^\\[${h.replace('.', '\\.')}\\]$`, 'm'), `[${h}`), h);
  },
  'unclosed string': (r) => {
    const [k, v] = r.pick([['log_level', 'info'], ['on_config_change', 'restart'], ['prompt', 'good morning']] as const);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = "${v}"$`, 'm'), `${k} = "${v}`), PATH[k]!);
  },
  'duplicate key': (r) => {
    const line = r.pick(['drain_timeout_s = 120', 'max_attempts = 3', 'log_level = "info"']);
    return core(set(BASE_CONFIG, new RegExp(`^${line}$`, 'm'), `${line}\n${line}`), PATH[line.split(' ')[0]!]!);
  },
  'duplicate table': () => core(`${BASE_CONFIG}\n[restart]\ndrain_timeout_s = 5\n`, 'restart'),
  'missing value': (r) => {
    const k = r.pick(['drain_timeout_s', 'max_attempts', 'poll_timeout_s']);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} =`), PATH[k]!);
  },
  'bare word value': (r) => {
    const k = r.pick(['drain_timeout_s', 'log_level', 'max_attempts']);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} = ${r.pick(['soon', 'yes please', 'info'])}`), PATH[k]!);
  },
  'invalid escape': () => core(set(BASE_CONFIG, /^prompt = .*$/m, 'prompt = "good \\q morning"'), 'triggers.crons'),
  'stray line': (r) => {
    const lines = BASE_CONFIG.split('\n');
    const at = r.int(1, lines.length - 2);
    lines.splice(at, 0, r.pick(['@@@', '= 5', ']]', 'key = = 1', '[ ]', '"unterminated', 'a.b. = 1', '[[]]']));
    return core(lines.join('\n'), '');
  },
  'unclosed array': () => core(set(BASE_CONFIG, /^allowed_user_ids = \[1111, 2222\]$/m, 'allowed_user_ids = [1111, 2222'), ''),
  'unclosed inline table': () =>
    core(set(BASE_CONFIG, /^max_attempts = 3$/m, 'max_attempts = 3\nextra = { a = 1, b = 2'), 'ingress'),
  'control character': (r) =>
    core(set(BASE_CONFIG, /^prompt = .*$/m, `prompt = "good${String.fromCharCode(r.int(1, 8))}morning"`), 'triggers.crons'),
  'invalid number': (r) => {
    const v = r.pick(['1__0', '0x', '1e', '+-1', '12_', '0b2', '1.2.3', '--5']);
    return core(set(BASE_CONFIG, /^drain_timeout_s = .*$/m, `drain_timeout_s = ${v}`), 'restart');
  },
  'table redefined as value': () => core(`restart = 1\n${BASE_CONFIG}`, 'restart'),
  'NUL byte': (r) => {
    const at = r.int(10, BASE_CONFIG.length - 10);
    return core(`${BASE_CONFIG.slice(0, at)}\0${BASE_CONFIG.slice(at)}`, '');
  },
  'lone surrogate escape': () => core(set(BASE_CONFIG, /^prompt = .*$/m, 'prompt = "\\uD800"'), 'triggers.crons'),
  'newline in basic string': () => core(set(BASE_CONFIG, /^prompt = .*$/m, 'prompt = "good\nmorning"'), 'triggers.crons'),
  'wrong type': (r) => {
    const [k, v, key] = r.pick([
      ['drain_timeout_s', '"soon"', 'restart.drain_timeout_s'],
      ['max_attempts', 'true', 'ingress.max_attempts'],
      ['on_config_change', '1', 'restart.on_config_change'],
      ['enabled', '"yes"', 'triggers.enabled'],
      ['path', '42', 'projects.site.path'],
      ['log_level', '[1]', 'log_level'],
    ] as const);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} = ${v}`), key);
  },
  'out of range': (r) => {
    const [k, v, key] = r.pick([
      ['drain_timeout_s', '-1', 'restart.drain_timeout_s'],
      ['drain_timeout_s', '999999999', 'restart.drain_timeout_s'],
      ['max_attempts', '0', 'ingress.max_attempts'],
      ['max_attempts', '101', 'ingress.max_attempts'],
      ['drain_timeout_s', '1.5', 'restart.drain_timeout_s'],
    ] as const);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} = ${v}`), key);
  },
  'unknown key': (r) => {
    const [after, k, key] = r.pick([
      ['drain_timeout_s = 120', 'drain_timeout = 5', 'restart'],
      ['max_attempts = 3', 'max_attempt = 5', 'ingress'],
      ['log_level = "info"', 'defualt_engine = "demo"', ''],
      ['enabled = true', 'enable = true', 'triggers'],
      ['path = "/srv/site"', 'pth = "/x"', 'projects.site'],
    ] as const);
    return core(set(BASE_CONFIG, new RegExp(`^${after.replace(/[[\]]/g, '\\$&')}$`, 'm'), `${after}\n${k}`), key);
  },
  'invalid enum': (r) => {
    const [k, v] = r.pick([['log_level', '"loud"'], ['on_config_change', '"maybe"']] as const);
    return core(set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} = ${v}`), k === 'log_level' ? 'log_level' : 'restart');
  },
  'bad engine id': (r) =>
    core(set(BASE_CONFIG, /^default_engine = .*$/m, `default_engine = ${JSON.stringify(r.pick(['Bad Engine!', '', 'x'.repeat(40)]))}`), 'default_engine'),
  'bad chat address': (r) =>
    core(set(BASE_CONFIG, /^chat = "telegram:1111"$/m, `chat = ${JSON.stringify(r.pick(['telegram', 'TELEGRAM:1', ':1', 'telegram:1:2:3']))}`), 'triggers.crons'),
  'bad cron schedule': (r) =>
    core(set(BASE_CONFIG, /^schedule = .*$/m, `schedule = ${JSON.stringify(r.pick(['every tuesday', '61 * * * *', '* * *', '']))}`), 'triggers.crons'),
  'bad time zone': () => core(set(BASE_CONFIG, /^schedule = .*$/m, 'schedule = "0 9 * * *"\ntimezone = "Mars/Olympus"'), 'triggers.crons'),
  'webhook without secret': () =>
    core(`${BASE_CONFIG}\n[[triggers.webhooks]]\nid = "gh"\npath = "/gh"\nauth = "bearer"\nchat = "telegram:1111"\n`, 'triggers.webhooks'),
  'duplicate cron id': () =>
    core(`${BASE_CONFIG}\n[[triggers.crons]]\nid = "morning"\nschedule = "0 10 * * *"\nprompt = "x"\nchat = "telegram:1111"\n`, 'triggers.crons'),
  'project without path': () => core(`${BASE_CONFIG}\n[projects.empty]\nchats = []\n`, 'projects.empty'),
  'table of the wrong type': (r) => {
    const [k, key] = r.pick([['projects = "all"', 'projects'], ['transports = 5', 'transports'], ['engines = []', 'engines']] as const);
    return core(`default_engine = "demo"\n${k}\n`, key);
  },
  'array of tables for a table': () => core(set(BASE_CONFIG, /^\[restart\]$/m, '[[restart]]'), 'restart'),
  'bad webhook path': () =>
    core(`${BASE_CONFIG}\n[[triggers.webhooks]]\nid = "gh"\npath = "no-slash"\nauth = "none"\nchat = "telegram:1111"\n`, 'triggers.webhooks'),
  'telegram section': (r) => {
    const [from, to, key] = r.pick([
      [/^bot_token = "123456:ABC-def_ghi"$/m, 'bot_token = 42', 'bot_token'],
      [/^bot_token = "123456:ABC-def_ghi"$/m, 'bot_token = "not a token"', 'bot_token'],
      [/^poll_timeout_s = 25$/m, 'poll_timeout_s = 99', 'poll_timeout_s'],
      [/^allowed_user_ids = \[1111, 2222\]$/m, 'allowed_user_ids = ["abc"]', 'allowed_user_ids'],
      [/^chat_id = .*$/m, 'chat_id = "main"', 'chat_id'],
      [/^poll_timeout_s = 25$/m, 'poll_timeout_s = 25\npoll_timout_s = 5', ''],
      [/^poll_timeout_s = 25$/m, 'poll_timeout_s = 25\napi_root = "not a url"', 'api_root'],
    ] as const);
    return { text: set(BASE_CONFIG, from, to), section: 'telegram', key: `transports.telegram${key ? `.${key}` : ''}` };
  },
  'slack section': (r) => {
    const [from, to, key] = r.pick([
      [/^mode = "socket"$/m, 'mode = "carrier-pigeon"', 'mode'],
      [/^channel_ids = .*$/m, 'channel_ids = ["general"]', 'channel_ids'],
      [/^app_token = .*$/m, '', 'app_token'],
      [/^allowed_user_ids = \["U0ALICE"\]$/m, 'allowed_user_ids = "U0ALICE"', 'allowed_user_ids'],
    ] as const);
    return { text: set(BASE_CONFIG, from, to), section: 'slack', key: `transports.slack.${key}` };
  },
  'demo section': (r) => {
    const to = r.pick(['delay_ms = -1', 'delay_ms = "fast"', 'delay_ms = 20\nspeed = 3', 'delay_ms = 999999999']);
    return { text: set(BASE_CONFIG, /^delay_ms = 20$/m, to), section: 'demo', key: 'engines.demo' };
  },
};

/** `perKind` seeded variants of every kind of damage. */
export function configCases(seed: number, perKind: number): ConfigCase[] {
  const rng = new Prng(seed);
  return Object.entries(GENERATORS).flatMap(([kind, gen]) =>
    Array.from({ length: perKind }, (_, i) => ({ name: `${kind} #${i + 1}`, ...gen(rng) })),
  );
}
