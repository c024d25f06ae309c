import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { LoopchatServer } from '../fakes/loopchat-server.mjs';
import { REPO } from './daemon.js';

export const LOOPCHAT_PLUGIN_DIR = join(REPO, 'test/fixtures/plugins/transport-loopchat');

/** A loopchat server for one test, closed when it ends. */
export async function loopchat(): Promise<LoopchatServer> {
  const server = await new LoopchatServer().start();
  onTestFinished(() => server.close());
  return server;
}

/** ferry.toml for the demo engine behind loopchat. */
export function loopchatConfig(server: LoopchatServer, extra = ''): string {
  return `default_engine = "demo"
[transports.loopchat]
url = "${server.url}"
[engines.demo]
delay_ms = 5
[plugins]
paths = ["${LOOPCHAT_PLUGIN_DIR}"]
${extra}`;
}
