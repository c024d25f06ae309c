import { sessionKeyOf } from '../api/chat-address.js';
import type { CallbackContext, Command, CommandContext, CommandResult } from '../api/command.js';
import type { MessageRef } from '../api/messages.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { JournalEntry } from '../ingress/journal-entry.js';
import type { Logger } from '../logging/logger.js';
import type { ProjectRouter } from '../runs/project-router.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { encodeButtons } from './command-button-data.js';
import { chatCommandContext } from './command-context.js';
import type { CommandRegistry } from './command-registry.js';
import { commandRunEngine, type RunEngineDeps } from './command-run-engine.js';

export interface CommandInvokerDeps extends RunEngineDeps {
  readonly log: Logger;
  readonly journal: IngressJournal;
  readonly hub: TransportHub;
  readonly commands: CommandRegistry;
  readonly router: ProjectRouter;
}

/**
 * Runs a command, or a press on one of its buttons, for one journaled event: at most once
 * (the entry is claimed first), each in its own boundary — a failure is logged with the
 * owning package, answered in the chat, and never reaches the transport loop.
 */
export class CommandInvoker {
  constructor(private readonly d: CommandInvokerDeps) {}

  async command(entry: JournalEntry, name: string, args: string): Promise<void> {
    const { event } = entry;
    const command = this.d.commands.get(name);
    if (!command || !this.d.journal.claim(entry.seq)) return;
    const base = this.#base(entry, command, event.messageRef);
    const ctx: CommandContext = {
      ...base.ctx,
      name,
      args,
      runPrompt: (prompt, options) =>
        base.ctx.runEngine(prompt, options?.engine ? { engine: options.engine } : {}),
    };
    await this.#boundary(entry, `/${name}`, command, base.replyTo, () => command.handle(ctx));
  }

  /** A press on a button a command sent (`cmd:<id>:<payload>`). */
  async callback(entry: JournalEntry, commandId: string, payload: string): Promise<void> {
    const { event } = entry;
    if (!this.d.journal.claim(entry.seq)) return;
    const command = this.d.commands.get(commandId);
    const message = event.messageRef;
    if (!command?.onCallback || !message) {
      // a button of a plugin since removed, or of a command that takes no presses
      this.d.log.warn({ command: commandId, chat: event.chat }, 'a button press nobody handles');
      this.d.journal.setState(entry.seq, 'done', 'no handler');
      await this.d.hub.trySend(event.chat, {
        text: `⚠️ This button no longer works: /${commandId} ${command ? 'takes no button presses' : 'is not available'}.`,
        ...(message ? { replyTo: message } : {}),
      });
      return;
    }
    const onCallback = command.onCallback.bind(command);
    const base = this.#base(entry, command, message);
    const ctx: CallbackContext = { ...base.ctx, payload, message };
    await this.#boundary(entry, `/${commandId} button`, command, message, () => onCallback(ctx));
  }

  #base(entry: JournalEntry, command: Command, replyTo: MessageRef | undefined) {
    const { event } = entry;
    const route = this.d.router.route(event.chat, sessionKeyOf(event.chat));
    const source = `/${command.id}`;
    const runEngine = commandRunEngine(this.d, {
      chat: event.chat,
      route,
      source,
      ...(replyTo ? { replyTo } : {}),
    });
    const ctx = chatCommandContext(this.d.hub, {
      commandId: command.id,
      event,
      route,
      ...(replyTo ? { replyTo } : {}),
      // nothing aborts it yet; it is there so handlers can pass it down (STYLE rule 6)
      signal: new AbortController().signal,
      runEngine,
    });
    return { ctx, replyTo };
  }

  async #boundary(
    entry: JournalEntry,
    label: string,
    command: Command,
    replyTo: MessageRef | undefined,
    // biome-ignore lint/suspicious/noConfusingVoidType: mirrors Command.handle
    run: () => Promise<CommandResult | undefined | void>,
  ): Promise<void> {
    const { journal, hub, commands } = this.d;
    const { event } = entry;
    const replyOpts = replyTo ? { replyTo } : {};
    try {
      const result = await run();
      if (result?.text) {
        const buttons = encodeButtons(command.id, result.buttons);
        await hub.send(event.chat, { text: result.text, ...(buttons ? { buttons } : {}), ...replyOpts });
      }
      journal.setState(entry.seq, 'done');
    } catch (err) {
      const owner = commands.owner(command.id) ?? 'unknown';
      this.d.log.error({ err, command: command.id, what: label, owner, chat: event.chat }, 'command failed');
      journal.setState(entry.seq, 'done', String(err));
      await hub.trySend(event.chat, {
        text: `⚠️ ${label} failed (${owner}): ${err instanceof Error ? err.message : String(err)}`,
        ...replyOpts,
      });
    }
  }
}
