export interface InitAnswers {
  readonly engine: string;
  readonly telegram?: { readonly botToken: string; readonly chatId: string };
  readonly slack?: {
    readonly appToken: string;
    readonly botToken: string;
    readonly channelIds: readonly string[];
  };
  readonly console: boolean;
}

const q = (s: string) => JSON.stringify(s);

/** A commented ferry.toml; every key is explained in docs/config.md. */
export function renderInitConfig(a: InitAnswers): string {
  const parts = [
    '# Ferry configuration. Reference: docs/config.md. Check it with `ferry config check`.',
    '# Any key can be overridden from the environment: FERRY__SECTION__KEY (e.g. FERRY__RESTART__DRAIN_TIMEOUT_S=60).',
    '',
    `default_engine = ${q(a.engine)}`,
    '# default_cwd = "~/code"        # where runs happen for chats bound to no project',
    '',
    '[restart]',
    'drain_timeout_s = 120          # how long a restart waits for running runs',
    'on_config_change = "restart"   # or "notify": only tell the admin chat',
    'auto_resume = false            # resume interrupted runs by themselves after a restart',
    '',
  ];
  if (a.console) parts.push('[transports.console]            # the terminal chat', '');
  if (a.telegram) {
    parts.push(
      '[transports.telegram]',
      `bot_token = ${q(a.telegram.botToken)}`,
      `chat_id = ${a.telegram.chatId}             # the main (admin) chat`,
      'allowed_user_ids = []          # private chats with these users are accepted too',
      '',
    );
  }
  if (a.slack) {
    parts.push(
      '[transports.slack]',
      'mode = "socket"',
      `app_token = ${q(a.slack.appToken)}`,
      `bot_token = ${q(a.slack.botToken)}`,
      `channel_ids = [${a.slack.channelIds.map(q).join(', ')}]`,
      'allowed_user_ids = []',
      '',
    );
  }
  parts.push(
    `[engines.${a.engine}]`,
    a.engine === 'demo'
      ? '# the offline DEMO engine: scripted, not an AI'
      : '# path = "…"  # defaults to the command on PATH',
    '',
  );
  parts.push('# [projects.myapp]', '# path = "~/code/myapp"', '# chats = ["telegram:-100123"]', '');
  return parts.join('\n');
}
