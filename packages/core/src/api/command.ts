import type { ChatAddress } from './chat-address.js';
import type { Usage } from './engine.js';
import type { InboundEvent, MessageRef, Sender } from './messages.js';
import type { TransportCapabilities } from './transport.js';

/**
 * A button a command puts under its message. The host turns `payload` into the button's
 * callback data `cmd:<command id>:<payload>`, and a press comes back to the same command's
 * `onCallback` with this payload. Telegram allows 64 bytes of callback data, so the payload
 * may use at most `64 - len("cmd:<id>:")` bytes (56 for `/git`); a longer one is refused with
 * `FERRY_COMMAND_BUTTON`. Keep bigger state in `PLUGIN_CONTEXT.store` and put its key here.
 */
export interface CommandButton {
  readonly text: string;
  readonly payload: string;
}

export interface CommandMessageOptions {
  /** Rows of buttons; omitted = none (an edit without buttons removes them). */
  readonly buttons?: readonly (readonly CommandButton[])[];
}

export interface RunEngineOptions {
  /** Engine id; default: the chat's engine (`/engine`, the project's, `default_engine`). */
  readonly engine?: string;
  /**
   * Run without the chat's conversation: no resume token is passed in, and the run's token is
   * not stored for the chat, so the chat's next message continues where it was.
   */
  readonly fresh?: boolean;
  /**
   * Hand the final answer back to the command instead of posting it. The progress message is
   * shown as for any run and shrinks to its summary at the end.
   */
  readonly capture?: boolean;
}

/** What a captured run hands back (`runEngine(prompt, { capture: true })`). */
export interface EngineAnswer {
  readonly ok: boolean;
  /** The final answer text; empty when the run failed or was cancelled. */
  readonly answer: string;
  readonly error?: string;
  readonly engine: string;
  readonly model?: string;
  readonly usage?: Usage;
  readonly durationMs: number;
  readonly steps: number;
  /** The run's resume token, when the engine named one. */
  readonly resume?: string;
}

/** What commands and button presses share: the chat, the project, and how to talk in the chat. */
export interface ChatCommandContext {
  readonly chat: ChatAddress;
  readonly sender: Sender;
  /** The journaled event (a message, or a button press). */
  readonly event: InboundEvent;
  /** The directory this chat's runs use: the chat's project path, else `default_cwd`. */
  readonly cwd: string;
  /** The chat's project name (`[projects.<name>]`), when it has one. */
  readonly project?: string;
  /** The engine a plain message in this chat would use. */
  readonly engine: string;
  /** What the chat's transport can do (edit, delete, buttons, text length). */
  readonly capabilities: TransportCapabilities;
  /**
   * Sends a message in the chat, threaded on the user's message (for a button press: on the
   * message the button was on). Resolves with the sent message.
   */
  reply(text: string, options?: CommandMessageOptions): Promise<MessageRef>;
  /**
   * Replaces a message's text and buttons. Where the transport cannot edit, sends a new
   * message instead; resolves with the message that now shows the text.
   */
  edit(ref: MessageRef, text: string, options?: CommandMessageOptions): Promise<MessageRef>;
  /** Deletes a message; a no-op where the transport cannot delete. */
  delete(ref: MessageRef): Promise<void>;
  /**
   * Runs `prompt` on an engine in this chat's session (queued behind the chat's other runs).
   * With `capture`, resolves with the answer instead of posting it; otherwise the run
   * streams into the chat like a user's message and this resolves when it has finished.
   * Rejects with `FERRY_RUN_INTERRUPTED` when a restart cut the run off.
   */
  runEngine(prompt: string, options: RunEngineOptions & { readonly capture: true }): Promise<EngineAnswer>;
  runEngine(prompt: string, options?: RunEngineOptions): Promise<void>;
  /** Aborted when the host stops caring about the outcome. */
  readonly signal: AbortSignal;
}

export interface CommandContext extends ChatCommandContext {
  /** Command name without the slash, lower-case (an alias when the user typed one). */
  readonly name: string;
  /** Everything after the command name, trimmed. */
  readonly args: string;
  /**
   * Starts an engine run in this chat as if the user had sent `prompt`.
   * @deprecated since API 1.1: use `runEngine(prompt, { engine })`, which this calls.
   */
  runPrompt(prompt: string, options?: { engine?: string }): Promise<void>;
}

/** A press on one of a command's buttons, delivered to that command's `onCallback`. */
export interface CallbackContext extends ChatCommandContext {
  /** The `payload` of the pressed button. */
  readonly payload: string;
  /** The message the button was on (edit it to update in place). */
  readonly message: MessageRef;
}

export interface CommandResult {
  /** Text to answer with; omitted when the command replied itself. */
  readonly text?: string;
  /** Buttons under that answer (API 1.1). */
  readonly buttons?: CommandMessageOptions['buttons'];
}

/** A `/command`. Its id is the command name (`^[a-z0-9_]{1,32}$`). */
export interface Command {
  readonly id: string;
  readonly description: string;
  readonly usage?: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that replied itself may simply return nothing
  handle(ctx: CommandContext): Promise<CommandResult | undefined | void>;
  /** A press on a button this command sent (API 1.1). Without it, presses are answered as stale. */
  // biome-ignore lint/suspicious/noConfusingVoidType: as for handle
  onCallback?(ctx: CallbackContext): Promise<CommandResult | undefined | void>;
}
