import { definePlugin, TRANSPORT } from '@ferry/core';
import { telegramConfigSchema } from './telegram-config.js';
import { TelegramTransport } from './telegram-transport.js';

/** `[transports.telegram]`: a Telegram bot, long polling (docs/telegram.md). */
export default definePlugin({
  kind: 'transport',
  id: 'telegram',
  configSchema: telegramConfigSchema,
  register(container) {
    // PLUGIN_CONFIG (the validated section) is already in this container
    container.registerSingleton(TRANSPORT, TelegramTransport);
  },
});
