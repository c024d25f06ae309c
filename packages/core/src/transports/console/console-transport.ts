import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Readable } from 'node:stream';
import { inject, injectable } from 'tsyringe';
import type { ChatAddress } from '../../api/chat-address.js';
import type { InboundEvent, IngressSink, MessageRef, OutgoingMessage } from '../../api/messages.js';
import type { PluginContext } from '../../api/plugin-context.js';
import type { Transport, TransportCapabilities } from '../../api/transport.js';
import type { Clock } from '../../clock/clock.js';
import { CLOCK, PLUGIN_CONFIG, PLUGIN_CONTEXT } from '../../tokens.js';
import { type ConsoleOutput, ConsoleScreen } from './console-screen.js';

export interface ConsoleConfig {
  /** Shown before each line the user types (and before echoed piped input). */
  readonly prompt: string;
  /** Sender name; the OS user name when absent. */
  readonly user?: string;
}

export interface ConsoleIo {
  readonly input: Readable & { isTTY?: boolean };
  readonly output: ConsoleOutput;
}

/** The console's streams; stdin/stdout unless a host or test registers others. */
export const CONSOLE_IO = Symbol.for('ferry.console.io');

export const CONSOLE_CHAT: ChatAddress = { transport: 'console', chat: 'local' };

interface ButtonTarget {
  readonly data: string;
  readonly ref: MessageRef;
}

/**
 * The terminal chat of the embedded default: each input line is a message from the local user,
 * and messages render in the terminal (in place when it is a TTY). The end of input asks the
 * host to shut down, so `echo hi | ferry run --demo` answers and exits.
 */
@injectable()
export class ConsoleTransport implements Transport {
  readonly id = 'console';
  readonly capabilities: TransportCapabilities = {
    edit: true,
    delete: true,
    buttons: false,
    maxTextLength: 100_000,
    minEditIntervalMs: 250,
  };
  readonly #screen: ConsoleScreen;
  /** Refs must not collide with an earlier run's refs that the host may still edit after a restart. */
  readonly #refPrefix = randomUUID().slice(0, 6);
  #seq = 0;
  #starting: Promise<void> | undefined;
  #reading: Promise<void> = Promise.resolve();
  #rl: Interface | undefined;
  #stopping = false;
  readonly #buttons = new Map<string, ButtonTarget>();

  constructor(
    @inject(PLUGIN_CONFIG) private readonly config: ConsoleConfig,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
    @inject(CONSOLE_IO) private readonly io: ConsoleIo,
  ) {
    this.#screen = new ConsoleScreen(io.output);
  }

  start(ingress: IngressSink): Promise<void> {
    this.#starting ??= this.#start(ingress);
    return this.#starting;
  }

  async #start(ingress: IngressSink): Promise<void> {
    // async only so that a failure here rejects start() instead of throwing synchronously
    const interactive = this.io.input.isTTY === true && this.io.output.isTTY === true;
    const rl = createInterface({
      input: this.io.input,
      output: interactive ? this.io.output : undefined,
      terminal: interactive,
      prompt: this.config.prompt,
      crlfDelay: Infinity,
    });
    this.#rl = rl;
    if (interactive) {
      this.#screen.attachPrompt({ redraw: () => rl.prompt(true) });
      // Raw mode swallows Ctrl-C; hand it to the host's signal handling (a polite stop).
      rl.on('SIGINT', () => process.kill(process.pid, 'SIGINT'));
      rl.once('close', () => {
        // A closed readline cannot redraw; output that comes while the host drains goes plain.
        this.#screen.attachPrompt(undefined);
        this.io.output.write('\r\x1b[2K');
      });
    }
    this.#reading = this.#read(rl, ingress, interactive);
  }

  async #read(rl: Interface, ingress: IngressSink, interactive: boolean): Promise<void> {
    if (interactive) rl.prompt();
    try {
      for await (const line of rl) {
        const text = line.trim();
        if (interactive) this.#screen.userTyped();
        else if (text !== '') this.#screen.note(`${this.config.prompt}${line}`);
        if (text !== '') await this.#accept(ingress, text);
        if (interactive && !this.#stopping) rl.prompt();
      }
    } catch (err) {
      // A vanished terminal (EIO) ends input like EOF does.
      this.ctx.logger.warn({ err }, 'console: input failed');
    }
    if (!this.#stopping) this.ctx.requestShutdown('console input closed');
  }

  async #accept(ingress: IngressSink, text: string): Promise<void> {
    try {
      // One at a time: the next line is read only once this one is durable.
      await ingress.accept([this.#inbound(text)]);
    } catch (err) {
      this.ctx.logger.error({ err }, 'console: could not accept a message');
      this.#screen.note(
        `error: your message was not taken: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#rl?.close();
    await this.#reading;
  }

  adminChats(): readonly ChatAddress[] {
    // the person at the terminal runs this daemon
    return [CONSOLE_CHAT];
  }

  async send(_to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    const ref: MessageRef = { chat: CONSOLE_CHAT, id: `${this.#refPrefix}-${++this.#seq}` };
    this.#screen.print(ref.id, this.#render(ref, msg));
    return ref;
  }

  async edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    this.#screen.update(ref.id, this.#render(ref, msg));
  }

  async delete(ref: MessageRef): Promise<void> {
    this.#forgetButtons(ref);
    this.#screen.remove(ref.id);
  }

  #inbound(text: string): InboundEvent {
    const ref: MessageRef = { chat: CONSOLE_CHAT, id: `${this.#refPrefix}-${++this.#seq}` };
    const button = this.#buttons.get(text.toLowerCase());
    const user = this.config.user ?? osUser();
    return {
      transport: this.id,
      dedupeKey: randomUUID(),
      kind: button ? 'callback' : 'message',
      chat: CONSOLE_CHAT,
      sender: { id: user, name: user },
      text: button ? button.data : text,
      messageRef: button ? button.ref : ref,
      sentAt: this.clock.now(),
    };
  }

  /** Buttons become hints; typing `/<label>` presses the newest button with that label. */
  #render(ref: MessageRef, msg: OutgoingMessage): string {
    this.#forgetButtons(ref);
    const rows = msg.buttons ?? [];
    if (rows.length === 0) return msg.text;
    const hints = rows.map((row) =>
      row
        .map((button) => {
          const command = `/${button.text
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, '_')
            .replace(/^_|_$/g, '')}`;
          this.#buttons.set(command, { data: button.data, ref });
          return `[ ${button.text} ] (${command})`;
        })
        .join('  '),
    );
    return `${msg.text}\n${hints.join('\n')}`;
  }

  #forgetButtons(ref: MessageRef): void {
    for (const [command, target] of this.#buttons)
      if (target.ref.id === ref.id) this.#buttons.delete(command);
  }
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // no passwd entry (some containers)
    return process.env.USER ?? 'user';
  }
}
