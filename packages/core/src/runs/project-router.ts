import { homedir } from 'node:os';
import path from 'node:path';
import { type ChatAddress, formatChatAddress } from '../api/chat-address.js';
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
export class ProjectRouter {
  constructor(
    private readonly config: () => FerryConfig,
    private readonly sessions: SessionStore,
    private readonly configDir: string,
  ) {}

  route(chat: ChatAddress, session: string): Route {
    const cfg = this.config();
    const prefs = this.sessions.prefs(session);
    const name =
      (prefs.project && cfg.projects[prefs.project] ? prefs.project : undefined) ?? this.boundProject(chat);
    const project = name ? cfg.projects[name] : undefined;
    const engine = prefs.engine ?? project?.engine ?? cfg.default_engine;
    const cwd = project ? this.#resolve(project.path) : this.#resolve(cfg.default_cwd ?? homedir());
    return { cwd, engine, ...(name ? { project: name } : {}) };
  }

  boundProject(chat: ChatAddress): string | undefined {
    const full = formatChatAddress(chat);
    const parent = formatChatAddress({ transport: chat.transport, chat: chat.chat });
    const cfg = this.config();
    return (
      Object.keys(cfg.projects).find((n) => cfg.projects[n]?.chats.includes(full)) ??
      Object.keys(cfg.projects).find((n) => cfg.projects[n]?.chats.includes(parent))
    );
  }

  projectNames(): string[] {
    return Object.keys(this.config().projects);
  }

  #resolve(p: string): string {
    const expanded = p.startsWith('~/') ? path.join(homedir(), p.slice(2)) : p;
    return path.resolve(this.configDir, expanded);
  }
}
