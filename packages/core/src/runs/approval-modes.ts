import { inject, injectable } from 'tsyringe';
import type { ApprovalMode } from '../api/approval.js';
import { type ChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { FerryConfig } from '../config/schema.js';
import { ApprovalStore } from './approval-store.js';
import type { ProjectRouter } from './project-router.js';

/** Internal: where the config's modes come from (read live: `[approvals]` and projects are hot). */
export const APPROVAL_MODE_SOURCES = Symbol.for('ferry.approvalModeSources');
export interface ApprovalModeSources {
  /** `[approvals] mode`. */
  configMode(): ApprovalMode | undefined;
  /** The project the chat's runs use, with its `mode`. */
  project(chat: ChatAddress): { readonly name: string; readonly mode?: ApprovalMode } | undefined;
}

export interface EffectiveMode {
  /** Absent: nothing set anywhere; each engine follows its own config. */
  readonly mode?: ApprovalMode;
  readonly source: 'chat' | 'parent chat' | 'project' | 'config' | 'none';
  readonly project?: string;
}

/**
 * Which approval mode applies to a chat: its own `/mode`, else its parent chat's (a Slack
 * thread or Telegram topic follows the channel's `/mode`), else its project's `mode`, else
 * `[approvals] mode`. Read at every use, so config edits and `/mode` apply to the next request.
 */
@injectable()
export class ApprovalModes {
  constructor(
    @inject(ApprovalStore) private readonly store: ApprovalStore,
    @inject(APPROVAL_MODE_SOURCES) private readonly sources: ApprovalModeSources,
  ) {}

  effective(chat: ChatAddress): EffectiveMode {
    const own = this.store.mode(sessionKeyOf(chat));
    if (own) return { mode: own, source: 'chat' };
    if (chat.thread !== undefined) {
      const parent = this.store.mode(sessionKeyOf({ transport: chat.transport, chat: chat.chat }));
      if (parent) return { mode: parent, source: 'parent chat' };
    }
    const project = this.sources.project(chat);
    if (project?.mode) return { mode: project.mode, source: 'project', project: project.name };
    const configured = this.sources.configMode();
    return configured ? { mode: configured, source: 'config' } : { source: 'none' };
  }

  set(chat: ChatAddress, mode: ApprovalMode | undefined): void {
    this.store.setMode(sessionKeyOf(chat), mode);
  }
}

/** The config's side of the modes: `[approvals] mode`, and the mode of the project a chat's runs use. */
export function approvalModeSources(config: () => FerryConfig, router: ProjectRouter): ApprovalModeSources {
  return {
    configMode: () => config().approvals.mode,
    project: (chat) => {
      const name = router.route(chat, sessionKeyOf(chat)).project;
      const mode = name ? config().projects[name]?.mode : undefined;
      return name ? { name, ...(mode ? { mode } : {}) } : undefined;
    },
  };
}
