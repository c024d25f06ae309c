import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../config/atomic-write.js';
import { resolveConfigPath } from '../config/config-path.js';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors/codes.js';
import { findOnPath } from '../process/find-on-path.js';
import { type InitAnswers, renderInitConfig } from './init-template.js';
import type { ReportExit } from './report-exit.js';

interface InitFlags {
  readonly force?: boolean;
  readonly yes?: boolean;
  readonly engine?: string;
  readonly telegramToken?: string;
  readonly telegramChatId?: string;
  readonly slackAppToken?: string;
  readonly slackBotToken?: string;
  readonly slackChannel?: string[];
  readonly console?: boolean;
}

/** `ferry init`: writes a commented ferry.toml, asking what it needs (or taking flags). */
export function initCommand(program: Command, set: ReportExit): void {
  program
    .command('init')
    .description('write a commented ferry.toml (asks for tokens, or takes flags with --yes)')
    .option('--force', 'overwrite an existing config')
    .option('-y, --yes', 'do not ask; use the flags and defaults')
    .option('--engine <id>', 'default engine: claude, codex or demo')
    .option('--telegram-token <token>', 'Telegram bot token')
    .option('--telegram-chat-id <id>', 'Telegram main chat id')
    .option('--slack-app-token <token>', 'Slack app-level token (xapp-…)')
    .option('--slack-bot-token <token>', 'Slack bot token (xoxb-…)')
    .option('--slack-channel <id...>', 'Slack channel ids')
    .option('--no-console', 'leave out the console transport')
    .action((flags: InitFlags) => set(init(flags)));
}

async function init(flags: InitFlags): Promise<number> {
  const path = resolveConfigPath();
  if (existsSync(path) && !flags.force) {
    throw new UsageError(
      `${path} exists; use --force to overwrite it (or FERRY_CONFIG_PATH for another instance)`,
    );
  }
  const interactive = !flags.yes && process.stdin.isTTY === true;
  const answers = interactive ? await ask(flags) : fromFlags(flags);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // tokens live in this file: owner-only from the first byte
  await writeFileAtomic(path, renderInitConfig(answers), { mode: 0o600 });
  loadConfig(path); // what we wrote must load; a failure here is a bug worth an error line
  process.stdout.write(
    [
      `wrote ${path}`,
      'next:',
      '  ferry doctor            # check it',
      '  ferry run               # start in the foreground (docs/getting-started.md)',
      '  ferry service install   # or run it under systemd (docs/deploy.md)',
      '',
    ].join('\n'),
  );
  return 0;
}

function defaultEngine(): string {
  if (findOnPath('claude')) return 'claude';
  if (findOnPath('codex')) return 'codex';
  return 'demo';
}

function fromFlags(f: InitFlags): InitAnswers {
  if (f.telegramToken && !f.telegramChatId) throw new UsageError('--telegram-token needs --telegram-chat-id');
  if (Boolean(f.slackAppToken) !== Boolean(f.slackBotToken))
    throw new UsageError('Slack needs both --slack-app-token and --slack-bot-token');
  return {
    engine: f.engine ?? defaultEngine(),
    console: f.console !== false,
    ...(f.telegramToken && f.telegramChatId
      ? { telegram: { botToken: f.telegramToken, chatId: f.telegramChatId } }
      : {}),
    ...(f.slackAppToken && f.slackBotToken
      ? { slack: { appToken: f.slackAppToken, botToken: f.slackBotToken, channelIds: f.slackChannel ?? [] } }
      : {}),
  };
}

async function ask(f: InitFlags): Promise<InitAnswers> {
  // only `ferry init` on a terminal needs the prompt library: keep it off every other command's startup
  const { confirm, input, password, select } = await import('@inquirer/prompts');
  const found = ['claude', 'codex'].filter((e) => findOnPath(e));
  const engine =
    f.engine ??
    (await select({
      message: 'Default engine',
      choices: [
        ...found.map((e) => ({ name: `${e} (found on PATH)`, value: e })),
        ...['claude', 'codex']
          .filter((e) => !found.includes(e))
          .map((e) => ({ name: `${e} (not on PATH yet)`, value: e })),
        { name: 'demo (offline, scripted, not an AI)', value: 'demo' },
      ],
    }));
  const base = fromFlags({ ...f, engine });
  let telegram = base.telegram;
  if (!telegram && (await confirm({ message: 'Connect a Telegram bot?', default: false }))) {
    telegram = {
      botToken: await password({ message: 'Bot token (from @BotFather)', mask: '*' }),
      chatId: await input({
        message: 'Main chat id (e.g. 123456789 or -100…)',
        validate: (v) => /^-?\d+$/.test(v) || 'a number',
      }),
    };
  }
  let slack = base.slack;
  if (!slack && (await confirm({ message: 'Connect a Slack app (Socket Mode)?', default: false }))) {
    slack = {
      appToken: await password({ message: 'App-level token (xapp-…)', mask: '*' }),
      botToken: await password({ message: 'Bot token (xoxb-…)', mask: '*' }),
      channelIds: (await input({ message: 'Channel ids, comma-separated (optional)' }))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  return { ...base, ...(telegram ? { telegram } : {}), ...(slack ? { slack } : {}) };
}
