import { parseChatAddress } from '../api/chat-address.js';
import { validateSection } from '../config/load-config.js';
import { ENGINE_RUNNER } from '../tokens.js';
import { childEnv } from './child-env.js';
import { collectSecrets } from './collect-secrets.js';
/** How the host loads plugins: its container as parent, a context per plugin, config validated in place. */
export function pluginLoadOptions(d) {
    return {
        parent: d.container,
        validateConfig: (schema, keyPath) => validateSection(d.config(), [...keyPath], schema),
        contextFor: (record) => {
            const secrets = collectSecrets(d.config().raw);
            return {
                id: record.id,
                kind: record.kind,
                packageName: record.packageName,
                packageDir: record.packageDir,
                stateDir: d.config().stateDir,
                logger: d.logger.child({ plugin: `${record.kind}:${record.id}` }),
                store: d.storeFor(`${record.kind}:${record.id}`),
                childEnv: (extra) => childEnv(d.env, secrets, extra),
                requestShutdown: d.requestShutdown,
                projectChats: () => Object.values(d.config().config.projects).flatMap((p) => p.chats.map((c) => parseChatAddress(c))),
            };
        },
    };
}
/** Engines come from the registry, imported on first use (DESIGN §3). */
export class RegistryEngineSource {
    registry;
    options;
    config;
    constructor(registry, options, config) {
        this.registry = registry;
        this.options = options;
        this.config = config;
    }
    get defaultEngine() {
        return this.config().config.default_engine;
    }
    ids() {
        return this.registry
            .list('engine')
            .filter((r) => r.status === 'available' || r.status === 'loaded')
            .map((r) => r.id);
    }
    async runner(id) {
        const loaded = await this.registry.load('engine', id, this.options);
        return loaded.resolve(ENGINE_RUNNER);
    }
}
//# sourceMappingURL=plugin-wiring.js.map