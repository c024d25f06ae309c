import { BASE_CONFIG, core, type Generator, set } from './base-config.js';

/** TOML that parses but that the schemas refuse: wrong types, ranges, keys, triggers, plugin sections. */
export const SCHEMA_MUTATIONS: Record<string, Generator> = {
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
    return core(
      set(BASE_CONFIG, new RegExp(`^${after.replace(/[[\]]/g, '\\$&')}$`, 'm'), `${after}\n${k}`),
      key,
    );
  },
  'invalid enum': (r) => {
    const [k, v] = r.pick([
      ['log_level', '"loud"'],
      ['on_config_change', '"maybe"'],
    ] as const);
    return core(
      set(BASE_CONFIG, new RegExp(`^${k} = .*$`, 'm'), `${k} = ${v}`),
      k === 'log_level' ? 'log_level' : 'restart',
    );
  },
  'bad engine id': (r) =>
    core(
      set(
        BASE_CONFIG,
        /^default_engine = .*$/m,
        `default_engine = ${JSON.stringify(r.pick(['Bad Engine!', '', 'x'.repeat(40)]))}`,
      ),
      'default_engine',
    ),
  'bad chat address': (r) =>
    core(
      set(
        BASE_CONFIG,
        /^chat = "telegram:1111"$/m,
        `chat = ${JSON.stringify(r.pick(['telegram', 'TELEGRAM:1', ':1', 'telegram:1:2:3']))}`,
      ),
      'triggers.crons',
    ),
  'bad cron schedule': (r) =>
    core(
      set(
        BASE_CONFIG,
        /^schedule = .*$/m,
        `schedule = ${JSON.stringify(r.pick(['every tuesday', '61 * * * *', '* * *', '']))}`,
      ),
      'triggers.crons',
    ),
  'bad time zone': () =>
    core(
      set(BASE_CONFIG, /^schedule = .*$/m, 'schedule = "0 9 * * *"\ntimezone = "Mars/Olympus"'),
      'triggers.crons',
    ),
  'webhook without secret': () =>
    core(
      `${BASE_CONFIG}\n[[triggers.webhooks]]\nid = "gh"\npath = "/gh"\nauth = "bearer"\nchat = "telegram:1111"\n`,
      'triggers.webhooks',
    ),
  'duplicate cron id': () =>
    core(
      `${BASE_CONFIG}\n[[triggers.crons]]\nid = "morning"\nschedule = "0 10 * * *"\nprompt = "x"\nchat = "telegram:1111"\n`,
      'triggers.crons',
    ),
  'project without path': () => core(`${BASE_CONFIG}\n[projects.empty]\nchats = []\n`, 'projects.empty'),
  'table of the wrong type': (r) => {
    const [k, key] = r.pick([
      ['projects = "all"', 'projects'],
      ['transports = 5', 'transports'],
      ['engines = []', 'engines'],
    ] as const);
    return core(`default_engine = "demo"\n${k}\n`, key);
  },
  'array of tables for a table': () => core(set(BASE_CONFIG, /^\[restart\]$/m, '[[restart]]'), 'restart'),
  'bad webhook path': () =>
    core(
      `${BASE_CONFIG}\n[[triggers.webhooks]]\nid = "gh"\npath = "no-slash"\nauth = "none"\nchat = "telegram:1111"\n`,
      'triggers.webhooks',
    ),
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
    return {
      text: set(BASE_CONFIG, from, to),
      section: 'telegram',
      key: `transports.telegram${key ? `.${key}` : ''}`,
    };
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
    const to = r.pick([
      'delay_ms = -1',
      'delay_ms = "fast"',
      'delay_ms = 20\nspeed = 3',
      'delay_ms = 999999999',
    ]);
    return { text: set(BASE_CONFIG, /^delay_ms = 20$/m, to), section: 'demo', key: 'engines.demo' };
  },
};
