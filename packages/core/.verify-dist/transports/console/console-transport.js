var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { inject, injectable } from 'tsyringe';
import { CLOCK, PLUGIN_CONFIG, PLUGIN_CONTEXT } from '../../tokens.js';
import { ConsoleScreen } from './console-screen.js';
/** The console's streams; stdin/stdout unless a host or test registers others. */
export const CONSOLE_IO = Symbol.for('ferry.console.io');
export const CONSOLE_CHAT = { transport: 'console', chat: 'local' };
/**
 * The terminal chat of the embedded default: each input line is a message from the local user,
 * and messages render in the terminal (in place when it is a TTY). The end of input asks the
 * host to shut down, so `echo hi | ferry run --demo` answers and exits.
 */
let ConsoleTransport = class ConsoleTransport {
    config;
    clock;
    ctx;
    io;
    id = 'console';
    capabilities = {
        edit: true,
        delete: true,
        buttons: false,
        maxTextLength: 100_000,
        minEditIntervalMs: 250,
    };
    #screen;
    /** Refs must not collide with an earlier run's refs that the host may still edit after a restart. */
    #refPrefix = randomUUID().slice(0, 6);
    #seq = 0;
    #starting;
    #reading = Promise.resolve();
    #rl;
    #stopping = false;
    #buttons = new Map();
    constructor(config, clock, ctx, io) {
        this.config = config;
        this.clock = clock;
        this.ctx = ctx;
        this.io = io;
        this.#screen = new ConsoleScreen(io.output);
    }
    start(ingress) {
        this.#starting ??= this.#start(ingress);
        return this.#starting;
    }
    async #start(ingress) {
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
    async #read(rl, ingress, interactive) {
        if (interactive)
            rl.prompt();
        try {
            for await (const line of rl) {
                const text = line.trim();
                if (interactive)
                    this.#screen.userTyped();
                else if (text !== '')
                    this.#screen.note(`${this.config.prompt}${line}`);
                if (text !== '')
                    await this.#accept(ingress, text);
                if (interactive && !this.#stopping)
                    rl.prompt();
            }
        }
        catch (err) {
            // A vanished terminal (EIO) ends input like EOF does.
            this.ctx.logger.warn({ err }, 'console: input failed');
        }
        if (!this.#stopping)
            this.ctx.requestShutdown('console input closed');
    }
    async #accept(ingress, text) {
        try {
            // One at a time: the next line is read only once this one is durable.
            await ingress.accept([this.#inbound(text)]);
        }
        catch (err) {
            this.ctx.logger.error({ err }, 'console: could not accept a message');
            this.#screen.note(`error: your message was not taken: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    async stop() {
        this.#stopping = true;
        this.#rl?.close();
        await this.#reading;
    }
    async send(_to, msg) {
        const ref = { chat: CONSOLE_CHAT, id: `${this.#refPrefix}-${++this.#seq}` };
        this.#screen.print(ref.id, this.#render(ref, msg));
        return ref;
    }
    async edit(ref, msg) {
        this.#screen.update(ref.id, this.#render(ref, msg));
    }
    async delete(ref) {
        this.#forgetButtons(ref);
        this.#screen.remove(ref.id);
    }
    #inbound(text) {
        const ref = { chat: CONSOLE_CHAT, id: `${this.#refPrefix}-${++this.#seq}` };
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
    #render(ref, msg) {
        this.#forgetButtons(ref);
        const rows = msg.buttons ?? [];
        if (rows.length === 0)
            return msg.text;
        const hints = rows.map((row) => row
            .map((button) => {
            const command = `/${button.text
                .toLowerCase()
                .replace(/[^\p{L}\p{N}]+/gu, '_')
                .replace(/^_|_$/g, '')}`;
            this.#buttons.set(command, { data: button.data, ref });
            return `[ ${button.text} ] (${command})`;
        })
            .join('  '));
        return `${msg.text}\n${hints.join('\n')}`;
    }
    #forgetButtons(ref) {
        for (const [command, target] of this.#buttons)
            if (target.ref.id === ref.id)
                this.#buttons.delete(command);
    }
};
ConsoleTransport = __decorate([
    injectable(),
    __param(0, inject(PLUGIN_CONFIG)),
    __param(1, inject(CLOCK)),
    __param(2, inject(PLUGIN_CONTEXT)),
    __param(3, inject(CONSOLE_IO)),
    __metadata("design:paramtypes", [Object, Object, Object, Object])
], ConsoleTransport);
export { ConsoleTransport };
function osUser() {
    try {
        return userInfo().username;
    }
    catch {
        // no passwd entry (some containers)
        return process.env.USER ?? 'user';
    }
}
//# sourceMappingURL=console-transport.js.map