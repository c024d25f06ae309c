import { type DependencyContainer, TRANSPORT } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import slackPlugin from './plugin.js';
import { SlackTransport } from './slack-transport.js';

const schema = slackPlugin.configSchema!;

describe('slack plugin', () => {
  it('validates its config strictly, per mode', () => {
    const socket = schema.parse({
      bot_token: 'xoxb-1',
      app_token: 'xapp-1',
      channel_ids: ['C01'],
      api_url: 'http://127.0.0.1:1/api',
    });
    expect(socket).toMatchObject({
      mode: 'socket',
      api_url: 'http://127.0.0.1:1/api/',
      http: { host: '127.0.0.1', port: 3000 },
    });
    expect(schema.safeParse({ bot_token: 'xoxb-1' }).error?.issues[0]).toMatchObject({ path: ['app_token'] });
    expect(schema.safeParse({ mode: 'http', bot_token: 'xoxb-1' }).error?.issues[0]).toMatchObject({
      path: ['signing_secret'],
    });
    expect(schema.safeParse({ bot_token: 'xoxb-1', app_token: 'xapp-1', chanel_ids: [] }).success).toBe(
      false,
    );
    expect(
      schema.safeParse({ bot_token: 'xoxb-1', app_token: 'xapp-1', channel_ids: ['general'] }).success,
    ).toBe(false);
  });

  it('registers the transport as a singleton under TRANSPORT', async () => {
    // tsyringe stays the host's business (a plugin imports only @ferry/core): record the registration
    const registered: [symbol, unknown][] = [];
    const container = {
      registerSingleton: (token: symbol, cls: unknown) => void registered.push([token, cls]),
    };
    await slackPlugin.register(
      container as unknown as DependencyContainer,
      schema.parse({ bot_token: 'xoxb-1', app_token: 'xapp-1' }),
    );
    expect(registered).toEqual([[TRANSPORT, SlackTransport]]);
  });
});

describe('SlackTransport config changes', () => {
  it('applies allowlists and pacing live and asks for a restart for connection settings', async () => {
    const config = schema.parse({ bot_token: 'xoxb-1', app_token: 'xapp-1' });
    const { SystemClock } = await import('@ferry/core');
    const { createTestPluginContext } = await import('@ferry/core/testing');
    const t = new SlackTransport(
      config,
      new SystemClock(),
      createTestPluginContext({ id: 'slack', kind: 'transport' }),
    );
    const delta = (...keys: string[]) => ({ keys, previous: {}, next: {} });
    expect(
      t.onConfigChange(delta('transports.slack.allowed_user_ids', 'transports.slack.channel_ids[1]')),
    ).toBe('hot');
    expect(t.onConfigChange(delta('transports.slack.edit_interval_ms'))).toBe('hot');
    expect(t.onConfigChange(delta('transports.slack.bot_token'))).toBe('restart');
    expect(t.onConfigChange(delta('transports.slack.http.port'))).toBe('restart');
    await t.applyConfig(
      schema.parse({ bot_token: 'xoxb-1', app_token: 'xapp-1', max_text_length: 1000, edit_interval_ms: 50 }),
    );
    expect(t.capabilities).toMatchObject({ maxTextLength: 1000, minEditIntervalMs: 50 });
  });
});
