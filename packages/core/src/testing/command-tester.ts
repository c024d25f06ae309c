import { randomUUID } from 'node:crypto';
import { type ChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type {
  CallbackContext,
  Command,
  CommandContext,
  CommandResult,
  EngineAnswer,
  RunEngineOptions,
} from '../api/command.js';
import type { EngineEvent, Runner } from '../api/engine.js';
import type { InboundEvent, MessageRef } from '../api/messages.js';
import { decodeButtonData, encodeButtons } from '../commands/command-button-data.js';
import { type CommandChatOps, chatCommandContext, type RunEngineFn } from '../commands/command-context.js';
import { parseCommand } from '../commands/parse-command.js';
import { MemoryTransport, type RecordedMessage } from './memory-transport.js';

export interface CommandTesterOptions {
  /** Where messages go; a fresh `MemoryTransport('memory')` by default. */
  readonly transport?: MemoryTransport;
  readonly chat?: ChatAddress;
  /** `ctx.cwd`; default `process.cwd()`. */
  readonly cwd?: string;
  /** `ctx.engine`; default `test`. */
  readonly engine?: string;
  readonly project?: string;
  /** Plays the command's `runEngine` calls (e.g. a `ScriptedRunner`); without it they reject. */
  readonly runner?: Runner;
}

export interface EngineCall {
  readonly prompt: string;
  readonly options: RunEngineOptions;
}

/**
 * Drives one command the way the host does, in memory: `send('/name args')` calls `handle`,
 * `press(message, 'Label')` calls `onCallback`, with the host's own button encoding (a payload
 * too long for Telegram fails here as it would in production). What the command sends lands
 * in `transport`. Unlike the host, errors are thrown, not answered, so a test sees them.
 */
export class CommandTester {
  readonly transport: MemoryTransport;
  readonly chat: ChatAddress;
  readonly engineCalls: EngineCall[] = [];
  #seq = 0;

  constructor(
    readonly command: Command,
    private readonly options: CommandTesterOptions = {},
  ) {
    this.transport = options.transport ?? new MemoryTransport('memory');
    this.chat = options.chat ?? { transport: this.transport.id, chat: 'c1' };
  }

  /** A user sends `text` (`/name args`); resolves when the handler is done, with the messages sent meanwhile. */
  async send(text: string): Promise<RecordedMessage[]> {
    const parsed = parseCommand(text);
    if (parsed?.name !== this.command.id) throw new Error(`"${text}" is not /${this.command.id}`);
    const event = this.#event('message', text, { chat: this.chat, id: `user-${++this.#seq}` });
    const before = this.transport.messages.length;
    const base = this.#context(event, event.messageRef);
    const ctx: CommandContext = {
      ...base,
      name: parsed.name,
      args: parsed.args,
      runPrompt: (prompt, o) => base.runEngine(prompt, o?.engine ? { engine: o.engine } : {}),
    };
    await this.#answer(await this.command.handle(ctx), event.messageRef);
    return this.transport.messages.slice(before);
  }

  /** A user presses the button labelled `buttonText` on `message`; resolves when `onCallback` is done. */
  async press(message: MessageRef, buttonText: string): Promise<RecordedMessage[]> {
    const sent = this.transport.messages.find((m) => m.ref.id === message.id);
    const button = (sent?.buttons ?? []).flat().find((b) => b.text === buttonText);
    if (!button) throw new Error(`message ${message.id} has no button "${buttonText}"`);
    const decoded = decodeButtonData(button.data);
    if (decoded?.commandId !== this.command.id)
      throw new Error(`button "${buttonText}" is not /${this.command.id}'s`);
    if (!this.command.onCallback) throw new Error(`/${this.command.id} has no onCallback`);
    const event = this.#event('callback', button.data, message);
    const before = this.transport.messages.length;
    const ctx: CallbackContext = { ...this.#context(event, message), payload: decoded.payload, message };
    await this.#answer(await this.command.onCallback(ctx), message);
    return this.transport.messages.slice(before);
  }

  // biome-ignore lint/suspicious/noConfusingVoidType: what Command.handle returns
  async #answer(result: CommandResult | undefined | void, replyTo: MessageRef | undefined): Promise<void> {
    if (!result?.text) return;
    const buttons = encodeButtons(this.command.id, result.buttons);
    await this.transport.send(this.chat, {
      text: result.text,
      ...(buttons ? { buttons } : {}),
      ...(replyTo ? { replyTo } : {}),
    });
  }

  #event(kind: InboundEvent['kind'], text: string, messageRef: MessageRef | undefined): InboundEvent {
    return {
      transport: this.transport.id,
      dedupeKey: randomUUID(),
      kind,
      chat: this.chat,
      sender: { id: 'u1', name: 'user' },
      text,
      ...(messageRef ? { messageRef } : {}),
      sentAt: Date.now(),
    };
  }

  #context(event: InboundEvent, replyTo: MessageRef | undefined) {
    const t = this.transport;
    const ops: CommandChatOps = {
      send: (chat, msg) => t.send(chat, msg),
      edit: (ref, msg) => t.edit(ref, msg),
      delete: (ref) => t.delete(ref),
      capabilities: () => t.capabilities,
    };
    const route = {
      cwd: this.options.cwd ?? process.cwd(),
      engine: this.options.engine ?? 'test',
      ...(this.options.project ? { project: this.options.project } : {}),
    };
    return chatCommandContext(ops, {
      commandId: this.command.id,
      event,
      route,
      ...(replyTo ? { replyTo } : {}),
      signal: new AbortController().signal,
      runEngine: this.#runEngine(route.cwd, route.engine, replyTo),
    });
  }

  #runEngine(cwd: string, defaultEngine: string, replyTo: MessageRef | undefined): RunEngineFn {
    return async (prompt, options = {}) => {
      this.engineCalls.push({ prompt, options });
      const runner = this.options.runner;
      if (!runner) throw new Error('CommandTester: pass `runner` to let the command run an engine');
      const startedAt = Date.now();
      let final: Extract<EngineEvent, { type: 'completed' }> | undefined;
      let model: string | undefined;
      let resume: string | undefined;
      let steps = 0;
      const req = { prompt, cwd, session: sessionKeyOf(this.chat), chat: this.chat };
      for await (const ev of runner.run(req, new AbortController().signal)) {
        if (ev.type === 'started') {
          resume = ev.resume || resume;
          model = typeof ev.meta?.model === 'string' ? ev.meta.model : undefined;
        } else if (ev.type === 'action') {
          if (ev.phase === 'completed') steps++;
        } else if (ev.type === 'completed') {
          // no `approvals` channel is passed, so a well-behaved runner never yields `approval`
          final = ev;
          resume = ev.resume || resume;
        }
      }
      const answer: EngineAnswer = {
        ok: final?.ok ?? false,
        answer: final?.answer ?? '',
        ...(final?.error ? { error: final.error } : {}),
        engine: options.engine ?? defaultEngine,
        ...(model ? { model } : {}),
        ...(final?.usage ? { usage: final.usage } : {}),
        durationMs: Date.now() - startedAt,
        steps,
        ...(resume ? { resume } : {}),
      };
      if (options.capture) return answer;
      const text = answer.ok ? answer.answer : `⚠️ ${answer.error ?? 'the run failed'}`;
      await this.transport.send(this.chat, { text, ...(replyTo ? { replyTo } : {}) });
      return undefined;
    };
  }
}
