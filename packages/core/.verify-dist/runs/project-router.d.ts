import { type ChatAddress } from '../api/chat-address.js';
import type { FerryConfig } from '../config/schema.js';
import type { SessionStore } from './session-store.js';
export interface Route {
    readonly cwd: string;
    readonly engine: string;
    readonly project?: string;
}
/**
 * Decides where a chat's runs happen: a project chosen with `/project` wins, then a project
 * whose `chats` lists the chat (or its parent chat, for threads), then the default dir.
 */
export declare class ProjectRouter {
    #private;
    private readonly config;
    private readonly sessions;
    private readonly configDir;
    constructor(config: () => FerryConfig, sessions: SessionStore, configDir: string);
    route(chat: ChatAddress, session: string): Route;
    boundProject(chat: ChatAddress): string | undefined;
    projectNames(): string[];
}
