import { z } from 'zod';
import { definePlugin } from '../../api/plugin.js';
import { TRANSPORT } from '../../tokens.js';
import { CONSOLE_IO, ConsoleTransport } from './console-transport.js';
/** The built-in terminal chat, declared in core's own `ferry.plugins` like any other plugin. */
export default definePlugin({
    kind: 'transport',
    id: 'console',
    configSchema: z
        .object({
        prompt: z.string().default('> '),
        user: z.string().min(1).optional(),
    })
        .strict(),
    register(container) {
        // A host or an end-to-end test may register other streams in a parent container.
        if (!container.isRegistered(CONSOLE_IO, true)) {
            container.register(CONSOLE_IO, { useValue: { input: process.stdin, output: process.stdout } });
        }
        container.registerSingleton(TRANSPORT, ConsoleTransport);
    },
});
//# sourceMappingURL=plugin.js.map