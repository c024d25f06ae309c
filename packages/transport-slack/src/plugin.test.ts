import { type DependencyContainer, TRANSPORT } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import slackPlugin from './plugin.js';
import { SlackTransport } from './slack-transport.js';

const schema = slackPlugin.configSchema!;

describe('slack plugin', () => {
  it('validates its config strictly, per mode', () => {
    const socket = schema.parse({ bot_token: 'xoxb-1', app_token: 'xapp-1', channel_ids: ['C01'], api_url: 'http://127.0.0.1:1/api' });
    expect(socket).toMatchObject({ mode: 'socket', api_url: 'http://127.0.0.1:1/api/', http: { host: '127.0.0.1', port: 3000 } });
    expect(schema.safeParse({ bot_token: 'xoxb-1' }).error?.issues[0]).toMatchObject({ path: ['app_token'] });
    expect(schema.safeParse({ mode: 'http', bot_token: 'xoxb-1' }).error?.issues[0]).toMatchObject({ path: ['signing_secret'] });
    expect(schema.safeParse({ bot_token: 'xoxb-1', app_token: 'xapp-1', chanel_ids: [] }).success).toBe(false);
    expect(schema.safeParse({ bot_token: 'xoxb-1', app_token: 'xapp-1', channel_ids: ['general'] }).success).toBe(false);
  });

  it('registers the transport as a singleton under TRANSPORT', async () => {
    // tsyringe stays the host's business (a plugin imports only @ferry/core): record the registration
    const registered: [symbol, unknown][] = [];
    const container = { registerSingleton: (token: symbol, cls: unknown) => void registered.push([token, cls]) };
    await slackPlugin.register(container as unknown as DependencyContainer, schema.parse({ bot_token: 'xoxb-1', app_token: 'xapp-1' }));
    expect(registered).toEqual([[TRANSPORT, SlackTransport]]);
  });
});
