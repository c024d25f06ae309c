import { fileURLToPath } from 'node:url';
import { definePlugin, ENGINE_RUNNER } from '@ferry/core';
import { z } from 'zod';
import { DEMO_SETTINGS, DemoRunner, type DemoSettings } from './demo-runner.js';

/** The DEMO engine (not an AI): an offline stand-in that speaks claude's stream-json. */
export default definePlugin({
  kind: 'engine',
  id: 'demo',
  configSchema: z
    .object({
      delay_ms: z.number().int().min(0).max(60_000).default(300),
      model: z.string().min(1).optional(),
    })
    .strict(),
  register(container, config) {
    const settings: DemoSettings = {
      delayMs: config.delay_ms,
      model: config.model,
      agentScript: fileURLToPath(new URL('./demo-agent.js', import.meta.url)),
    };
    container.register(DEMO_SETTINGS, { useValue: settings });
    container.registerSingleton(ENGINE_RUNNER, DemoRunner);
  },
});
