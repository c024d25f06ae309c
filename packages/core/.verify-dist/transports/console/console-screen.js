import { rowsOf } from './terminal-width.js';
const MAX_REMEMBERED = 500;
/**
 * Renders console messages. In a TTY the blocks printed since the user last typed form a
 * window that can be redrawn in place (cursor up, clear, print again). Piped output is a log:
 * no escape codes, and an edit prints only the lines that changed beyond their numbers, so
 * ticking timers do not repeat the same progress line.
 */
export class ConsoleScreen {
    out;
    #window = [];
    /** Per message: normalized text (TTY) or the normalized lines already printed (piped). */
    #shown = new Map();
    #prompt;
    constructor(out) {
        this.out = out;
    }
    get isTTY() {
        return this.out.isTTY === true;
    }
    /** Interactive mode: a prompt sits below the output and must be cleared and redrawn. */
    attachPrompt(prompt) {
        this.#prompt = prompt;
    }
    print(id, text) {
        this.#write(() => {
            this.out.write(`${text}\n`);
            if (this.isTTY)
                this.#push({ id, text, rows: this.#rows(text) });
        });
        this.#remember(id, this.isTTY ? [text] : text.split('\n'));
    }
    update(id, text) {
        const at = this.#window.findIndex((b) => b.id === id);
        if (this.isTTY && at >= 0) {
            if (this.#window[at].text === text)
                return;
            this.#redrawFrom(at, () => {
                const block = this.#window[at];
                block.text = text;
                block.rows = this.#rows(text);
            });
            this.#remember(id, [text]);
            return;
        }
        const seen = this.#shown.get(id);
        if (this.isTTY || seen === undefined) {
            if (seen?.has(normalize(text)))
                return;
            this.print(id, text);
            return;
        }
        const fresh = text.split('\n').filter((line) => !seen.has(normalize(line)));
        if (fresh.length > 0)
            this.#write(() => this.out.write(`${fresh.join('\n')}\n`));
        this.#remember(id, fresh);
    }
    /** Removes a block still in the TTY window; elsewhere a printed line cannot be taken back. */
    remove(id) {
        const at = this.#window.findIndex((b) => b.id === id);
        if (!this.isTTY || at < 0)
            return;
        this.#redrawFrom(at, () => this.#window.splice(at, 1));
        this.#shown.delete(id);
    }
    /** Text that is not a message (an echoed input line); earlier blocks can no longer be redrawn. */
    note(text) {
        this.#write(() => this.out.write(`${text}\n`));
        this.#window.length = 0;
    }
    /** The terminal itself echoed a line the user typed: the window ends above it. */
    userTyped() {
        this.#window.length = 0;
    }
    #write(render) {
        // The prompt row is cleared first so output never lands after the user's half-typed line.
        if (this.#prompt && this.isTTY)
            this.out.write('\r\x1b[2K');
        render();
        this.#prompt?.redraw();
    }
    #redrawFrom(at, change) {
        this.#write(() => {
            const rowsBelow = this.#window.slice(at).reduce((n, b) => n + b.rows, 0);
            change();
            this.out.write(`\x1b[${rowsBelow}A\r\x1b[0J`);
            for (const block of this.#window.slice(at))
                this.out.write(`${block.text}\n`);
            this.#trimWindow();
        });
    }
    #push(block) {
        this.#window.push(block);
        this.#trimWindow();
    }
    /** The cursor cannot move above the screen's top row: blocks that scrolled off leave the window. */
    #trimWindow() {
        const height = Math.max(2, (this.out.rows ?? 24) - 1);
        let rows = this.#window.reduce((n, b) => n + b.rows, 0);
        while (rows > height && this.#window.length > 0)
            rows -= this.#window.shift().rows;
    }
    #rows(text) {
        return rowsOf(text, this.out.columns ?? 80);
    }
    #remember(id, texts) {
        const set = this.isTTY ? new Set() : (this.#shown.get(id) ?? new Set());
        for (const text of texts)
            set.add(normalize(text));
        this.#shown.delete(id);
        this.#shown.set(id, set);
        if (this.#shown.size > MAX_REMEMBERED)
            this.#shown.delete(this.#shown.keys().next().value);
    }
}
/** What counts as a meaningful change: not numbers (elapsed time in any unit, counters), not spacing. */
function normalize(text) {
    return text
        .replace(/\d+(?:[.,]\d+)?(?:\s*(?:ms|s|m|min|h)\b)?/g, '#')
        .replace(/\s+/g, ' ')
        .trim();
}
//# sourceMappingURL=console-screen.js.map