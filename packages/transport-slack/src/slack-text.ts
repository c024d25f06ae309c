/**
 * A user's Slack text as the engine should read it: the bot's mention removed, Slack's
 * `<…>` markup turned back into what the user typed, `&amp; &lt; &gt;` unescaped, and the
 * `!command` form (a leading `/` would open Slack's own command picker) turned into the
 * `/command` every transport dispatches the same way.
 */
export function inboundText(raw: string, botUserId: string): string {
  const withoutBot = raw.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[:,]?`, 'g'), ' ');
  const plain = withoutBot
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<((?:https?|mailto):[^>|]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/^[ \t]+|[ \t]+$/gm, '')
    .trim();
  return commandForm(plain);
}

/** `!status` → `/status`; a text already starting with `/` is a command too. */
export function commandForm(text: string): string {
  const bang = /^!([A-Za-z0-9_]{1,32})(?=\s|$)/.exec(text);
  return bang ? `/${text.slice(1)}` : text;
}

/** Slack `ts` (`1712345678.000100`) → epoch ms. */
export function tsToMs(ts: string): number {
  return Math.floor(Number(ts) * 1000);
}

/** Epoch ms → a `ts` (for a first cursor: "nothing before now"). */
export function msToTs(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

/** True when `a` is a later ts than `b` (an undefined `b` is earlier than anything). */
export function tsAfter(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  const [as = '0', af = ''] = a.split('.');
  const [bs = '0', bf = ''] = b.split('.');
  if (as.length !== bs.length) return as.length > bs.length;
  if (as !== bs) return as > bs;
  return af.padEnd(6, '0') > bf.padEnd(6, '0');
}
