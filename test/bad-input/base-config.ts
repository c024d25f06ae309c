import type { Prng } from '../chaos/prng.js';

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
export const PATH: Record<string, string> = {
  drain_timeout_s: 'restart.drain_timeout_s',
  max_attempts: 'ingress.max_attempts',
  poll_timeout_s: 'transports.telegram.poll_timeout_s',
  log_level: 'log_level',
  on_config_change: 'restart.on_config_change',
  prompt: 'triggers.crons',
};

export type Generator = (rng: Prng) => Omit<ConfigCase, 'name'>;

export const set = (text: string, from: RegExp, to: string) => {
  if (!from.test(text)) throw new Error(`mutation pattern ${from} not in the base config`);
  return text.replace(from, to);
};
export const core = (text: string, key: string): Omit<ConfigCase, 'name'> => ({ text, section: 'core', key });
