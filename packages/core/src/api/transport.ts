import type { ChatAddress } from './chat-address.js';
import type { Lifecycle } from './lifecycle.js';
import type { Attachment, IngressSink, MessageRef, OutgoingMessage } from './messages.js';
import type { Presenter } from './presenter.js';

export interface TransportCapabilities {
  readonly edit: boolean;
  readonly delete: boolean;
  readonly buttons: boolean;
  /** Longest text one message may carry; longer answers are split by the host. */
  readonly maxTextLength: number;
  /** Least time between two edits of one chat's progress message. */
  readonly minEditIntervalMs: number;
}

/** What `ferry doctor` shows for a transport: can it reach its platform with these credentials. */
export interface TransportHealth {
  readonly ok: boolean;
  /** One line: who we are on the platform (bot name, team), or what to fix. */
  readonly detail: string;
}

export interface CommandInfo {
  readonly name: string;
  readonly description: string;
}

/**
 * A chat platform. `start` resolves once the transport is receiving; it acknowledges an event
 * to its platform only after `ingress.accept` has resolved. `stop` stops receiving and waits
 * for in-flight sends.
 */
export interface Transport extends Omit<Lifecycle, 'start' | 'stop'> {
  readonly id: string;
  readonly capabilities: TransportCapabilities;
  start(ingress: IngressSink): Promise<void>;
  stop(): Promise<void>;
  send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef>;
  edit(ref: MessageRef, msg: OutgoingMessage): Promise<void>;
  delete(ref: MessageRef): Promise<void>;
  /**
   * Where the host tells an operator about the daemon itself (a broken config edit, a change
   * that needs a restart): Telegram's main chat, the console. Empty or absent: nowhere.
   */
  adminChats?(): readonly ChatAddress[];
  /**
   * Checks the platform is reachable and the credentials work (Telegram `getMe`, Slack
   * `auth.test`) without starting to receive; used by `ferry doctor`. Absent: nothing to check.
   */
  check?(signal?: AbortSignal): Promise<TransportHealth>;
  /** Publish the command menu, where the platform has one. */
  setCommands?(commands: readonly CommandInfo[]): Promise<void>;
  /** Saves an attachment of an inbound event to `destPath` (the host picks a sanitised name in the run's cwd). */
  download?(attachment: Attachment, destPath: string, signal?: AbortSignal): Promise<void>;
  /** Sends a local file as a document (files an engine left in its outbox dir). */
  sendFile?(
    to: ChatAddress,
    path: string,
    options?: { caption?: string; replyTo?: MessageRef },
  ): Promise<MessageRef>;
  /** Platform-specific rendering; the host's plain presenter is used when absent. */
  readonly presenter?: Presenter;
}
