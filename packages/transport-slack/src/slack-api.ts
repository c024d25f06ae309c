import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Logger } from '@ferry/core';
import { type Block, type KnownBlock, WebClient } from '@slack/web-api';
import type { SlackConfig } from './slack-config.js';
import { SlackApiError, SlackAuthError } from './slack-errors.js';
import { slackLogger } from './slack-logger.js';

/** A message as conversations.history / conversations.replies list it (the fields Ferry reads). */
export interface SlackMessage {
  readonly type?: string;
  readonly subtype?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly files?: readonly SlackFileJson[];
  readonly reply_count?: number;
  readonly latest_reply?: string;
}

export interface SlackFileJson {
  readonly id?: string;
  readonly name?: string;
  readonly size?: number;
  readonly mimetype?: string;
  readonly url_private?: string;
  readonly url_private_download?: string;
}

export interface Identity {
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
}

export interface PostArgs {
  readonly channel: string;
  readonly thread_ts?: string;
  readonly text: string;
  readonly blocks?: readonly (Block | KnownBlock)[];
}

/** What auth.test answers when the bot token itself is wrong. */
const AUTH_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/**
 * The Web API calls Ferry makes, over Bolt's WebClient (`slackApiUrl` = `api_url`). The
 * client itself waits out 429 `Retry-After` and retries network errors; what still fails
 * leaves here as a SlackApiError naming the method and Slack's error code.
 */
export class SlackApi {
  readonly client: WebClient;

  constructor(
    readonly config: SlackConfig,
    log: Logger,
  ) {
    this.client = new WebClient(config.bot_token, SlackApi.clientOptions(config, log));
  }

  /** The same options for Bolt's own client, so every call goes to `api_url`. */
  static clientOptions(config: SlackConfig, log: Logger) {
    return {
      slackApiUrl: config.api_url,
      logger: slackLogger(log, 'slack-web-api'),
      // a bounded policy: the default one retries for half an hour, longer than any drain
      retryConfig: { retries: config.api_retries, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    };
  }

  /** auth.test; a refused token is a SlackAuthError (no retry can help), anything else a SlackApiError. */
  async identity(): Promise<Identity> {
    try {
      const r = await this.#call('auth.test', () => this.client.auth.test());
      return {
        teamId: String(r.team_id ?? ''),
        botUserId: String(r.user_id ?? ''),
        botId: String(r.bot_id ?? ''),
      };
    } catch (err) {
      if (!(err instanceof SlackApiError && AUTH_ERRORS.has(err.slackError))) throw err;
      throw new SlackAuthError(
        `slack: auth.test refused the bot token (${err.slackError}); check [transports.slack] bot_token`,
        { cause: err },
      );
    }
  }

  async post(args: PostArgs): Promise<string> {
    const r = await this.#call('chat.postMessage', () =>
      this.client.chat.postMessage({
        channel: args.channel,
        text: args.text,
        ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
        ...(args.blocks ? { blocks: [...args.blocks] } : {}),
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    return String(r.ts);
  }

  async update(args: PostArgs & { readonly ts: string }): Promise<void> {
    await this.#call('chat.update', () =>
      this.client.chat.update({
        channel: args.channel,
        ts: args.ts,
        text: args.text,
        blocks: [...(args.blocks ?? [])],
      }),
    );
  }

  async delete(channel: string, ts: string): Promise<void> {
    await this.#call('chat.delete', () => this.client.chat.delete({ channel, ts }));
  }

  /** Top-level messages newer than `oldest`, oldest first, at most `max`. */
  async history(channel: string, oldest: string, max: number): Promise<SlackMessage[]> {
    const out: SlackMessage[] = [];
    let cursor: string | undefined;
    do {
      const r = await this.#call('conversations.history', () =>
        this.client.conversations.history({ channel, oldest, limit: 200, ...(cursor ? { cursor } : {}) }),
      );
      out.push(...((r.messages ?? []) as SlackMessage[]));
      cursor = r.response_metadata?.next_cursor || undefined;
    } while (cursor && out.length < max);
    // history is newest first and paging goes back in time: the newest `max` are kept
    return out.slice(0, max).reverse();
  }

  /** Whether apps.connections.open takes the app token (a URL is issued, nothing connects). */
  async checkAppToken(appToken: string): Promise<void> {
    await this.#call('apps.connections.open', () => this.client.apps.connections.open({ token: appToken }));
  }

  /** The ts of the newest top-level message in `channel`, if any. */
  async newest(channel: string): Promise<string | undefined> {
    const r = await this.#call('conversations.history', () =>
      this.client.conversations.history({ channel, limit: 1 }),
    );
    return (r.messages as SlackMessage[] | undefined)?.[0]?.ts;
  }

  /** Replies of thread `ts` newer than `oldest`, oldest first, without the parent. */
  async replies(channel: string, ts: string, oldest: string, max: number): Promise<SlackMessage[]> {
    const out: SlackMessage[] = [];
    let cursor: string | undefined;
    do {
      const r = await this.#call('conversations.replies', () =>
        this.client.conversations.replies({ channel, ts, oldest, limit: 200, ...(cursor ? { cursor } : {}) }),
      );
      out.push(...((r.messages ?? []) as SlackMessage[]).filter((m) => m.ts !== ts));
      cursor = r.response_metadata?.next_cursor || undefined;
    } while (cursor && out.length < max);
    return out.slice(0, max);
  }

  async fileInfo(id: string): Promise<SlackFileJson> {
    const r = await this.#call('files.info', () => this.client.files.info({ file: id }));
    return (r.file ?? {}) as SlackFileJson;
  }

  /** files.uploadV2 (getUploadURLExternal → upload → completeUploadExternal); the shared message's ts when Slack says. */
  async upload(o: {
    channel: string;
    thread_ts?: string;
    path: string;
    comment?: string;
  }): Promise<{ fileId: string; ts?: string }> {
    const file = await readFile(o.path);
    const r = await this.#call('files.uploadV2', () =>
      this.client.filesUploadV2({
        channel_id: o.channel,
        file,
        filename: basename(o.path),
        ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
        ...(o.comment ? { initial_comment: o.comment } : {}),
      } as Parameters<WebClient['filesUploadV2']>[0]),
    );
    const completion = (
      r.files as { files?: { id?: string; shares?: Record<string, Record<string, { ts?: string }[]>> }[] }[]
    )[0];
    const uploaded = completion?.files?.[0];
    const shares = Object.values(uploaded?.shares ?? {}).flatMap((byChannel) => byChannel[o.channel] ?? []);
    return { fileId: String(uploaded?.id ?? ''), ...(shares[0]?.ts ? { ts: shares[0].ts } : {}) };
  }

  async #call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const data = (err as { data?: { error?: string } }).data;
      const code = data?.error ?? (err as { code?: string }).code ?? 'request_failed';
      throw new SlackApiError(method, code, { cause: err });
    }
  }
}
