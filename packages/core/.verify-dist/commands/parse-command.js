/**
 * `/name args` → { name, args }. Telegram appends the bot's username in groups
 * (`/cancel@ferry_bot`), which is dropped. Anything else is not a command.
 */
export function parseCommand(text) {
    const m = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
    if (!m)
        return undefined;
    return { name: m[1].toLowerCase(), args: (m[2] ?? '').trim() };
}
//# sourceMappingURL=parse-command.js.map