export interface UserMessage {
  readonly id: number;
  readonly chat: string;
  readonly text: string;
  readonly date: number;
  readonly reply_to?: number;
}

export interface BotMessage {
  readonly id: number;
  readonly chat: string;
  text: string;
  readonly reply_to?: number;
  readonly edits: string[];
  deleted: boolean;
}

/** See loopchat-server.mjs. */
export class LoopchatServer {
  readonly users: UserMessage[];
  readonly bot: BotMessage[];
  confirmed: number;
  onConfirm: ((confirmed: number) => void) | undefined;
  url: string;
  start(): Promise<this>;
  close(): Promise<void>;
  say(chat: string, text: string, options?: { date?: number; replyTo?: number }): UserMessage;
  repliesTo(id: number): BotMessage[];
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
}
