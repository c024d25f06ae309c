// Lets plain `node` import the repository's TypeScript test helpers (the Telegram and Slack
// fakes, the chaos driver): `import './lib/ts-hooks.mjs'` first, or `node --import
// ./bench/lib/ts-hooks.mjs file.ts`. The hooks themselves are core's test fixture, registered
// here rather than copied so that both stay one implementation.
import { register } from 'node:module';

register(new URL('../../packages/core/src/supervisor/__fixtures__/ts-hooks.mjs', import.meta.url));
