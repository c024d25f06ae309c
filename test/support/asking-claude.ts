import { join } from 'node:path';
import { REPO } from './daemon.js';

const FAKE = join(REPO, 'test/fakes/fake-claude.mjs');

/**
 * A config whose claude (the fake, replaying the recorded control protocol) asks in the
 * console chat before using a tool: `permission_mode = "default"`, user "ann".
 */
export function askingClaudeConfig(): string {
  return `default_engine = "claude"
[transports.console]
user = "ann"
[engines.claude]
path = "${FAKE}"
permission_mode = "default"
grace_s = 2
[engines.claude.env]
FAKE_ENGINE_SPEED = "5"
`;
}
