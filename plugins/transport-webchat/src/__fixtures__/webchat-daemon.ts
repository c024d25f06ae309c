import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** This package's directory: what `[plugins] paths` or `ferry plugins add` is given. */
export const WEBCHAT_PLUGIN_DIR = fileURLToPath(new URL('../../', import.meta.url));

export const E2E_TOKEN = 'e2e-token-0123456789abcdef';

/**
 * A port that was free a moment ago. The restart tests need a fixed port (the page reconnects
 * to the same address), so port 0 cannot be used there.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** ferry.toml for the demo engine behind the webchat; `viaPaths: false` relies on `ferry plugins add`. */
export function webchatConfig(port: number, options: { viaPaths?: boolean; extra?: string } = {}): string {
  const paths = options.viaPaths === false ? '' : `[plugins]\npaths = ["${WEBCHAT_PLUGIN_DIR}"]\n`;
  return `default_engine = "demo"
[transports.webchat]
port = ${port}
token = "${E2E_TOKEN}"
[engines.demo]
delay_ms = 20
${paths}${options.extra ?? ''}`;
}
