/*
 * ferry.toml for the chaos run: Telegram and Slack at once (through the fault proxies), the
 * demo engine kept fast, and the knobs the config faults turn. Pacing is set low on purpose:
 * the run is about correctness under faults, not about Telegram's flood limits.
 */

export interface ChaosEndpoints {
  readonly telegramToken: string;
  readonly telegramApi: string;
  readonly mainChatId: number;
  readonly telegramUsers: readonly number[];
  readonly plainGroupId: number;
  readonly slack: {
    readonly botToken: string;
    readonly appToken: string;
    readonly signingSecret: string;
    readonly apiUrl: string;
    readonly channels: readonly string[];
    readonly users: readonly string[];
  };
  readonly workDir: string;
  readonly sideDir: string;
}

/** The keys the config faults change: `drainTimeoutS` is hot, `pollTimeoutS` needs a restart. */
export interface ChaosKnobs {
  readonly drainTimeoutS: number;
  readonly pollTimeoutS: number;
  readonly editIntervalMs: number;
}

export const INITIAL_KNOBS: ChaosKnobs = { drainTimeoutS: 1, pollTimeoutS: 2, editIntervalMs: 100 };

export function chaosConfig(e: ChaosEndpoints, k: ChaosKnobs): string {
  const list = (xs: readonly (string | number)[]) => xs.map((x) => JSON.stringify(x)).join(', ');
  return `default_engine = "demo"
default_cwd = ${JSON.stringify(e.workDir)}

[transports.telegram]
bot_token = "${e.telegramToken}"
api_root = "${e.telegramApi}"
chat_id = ${e.mainChatId}
allowed_user_ids = [${list(e.telegramUsers)}]
poll_timeout_s = ${k.pollTimeoutS}
private_interval_ms = 5
group_interval_ms = 10
global_interval_ms = 0
retry_base_ms = 100
retry_max_ms = 1000

[transports.slack]
bot_token = "${e.slack.botToken}"
app_token = "${e.slack.appToken}"
signing_secret = "${e.slack.signingSecret}"
api_url = "${e.slack.apiUrl}"
channel_ids = [${list(e.slack.channels)}]
allowed_user_ids = [${list(e.slack.users)}]
edit_interval_ms = ${k.editIntervalMs}
channel_interval_ms = 0
ping_timeout_ms = 3000
api_retries = 2

[engines.demo]
delay_ms = 5

[restart]
drain_timeout_s = ${k.drainTimeoutS}

[projects.side]
path = ${JSON.stringify(e.sideDir)}
chats = ["telegram:${e.plainGroupId}"]
`;
}

/**
 * Edits Ferry must reject while it keeps running (DESIGN §1.3): a TOML syntax error, a wrong
 * type, a misspelt key in a strict plugin section, a value out of range.
 */
export function invalidEdit(valid: string, variant: number): { text: string; what: string } {
  const edits = [
    { what: 'TOML syntax error', text: valid.replace('[restart]', '[restart') },
    { what: 'wrong type', text: valid.replace(/drain_timeout_s = \d+/, 'drain_timeout_s = "soon"') },
    { what: 'unknown key', text: valid.replace(/poll_timeout_s = /, 'poll_timout_s = ') },
    { what: 'out of range', text: valid.replace(/delay_ms = \d+/, 'delay_ms = -5') },
  ];
  return edits[variant % edits.length]!;
}
