/*
 * Renders the Markdown engines write as Telegram HTML. Telegram rejects a whole message for
 * one bad tag ("can't parse entities"), so this only ever emits balanced tags from a small
 * set, escapes everything else, and leaves ambiguous markup as literal text. What it does
 * not know (tables, nested lists) stays readable plain text.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
/** Private-use characters: placeholders for finished HTML while the rest is processed. */
const HOLD_START = '\uE000';
const HOLD_END = '\uE001';
const HOLD = /\uE000(\d+)\uE001/g;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Backslash-escapes what {@link markdownToHtml} would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]]/g, '\\$&');
}

export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/[\uE000\uE001]/g, '').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = FENCE.exec(lines[i]!);
    if (!open) {
      out.push(renderLine(lines[i]!));
      i++;
      continue;
    }
    const marker = open[1]!;
    const lang = open[2] ?? '';
    const body: string[] = [];
    i++;
    // an unclosed fence runs to the end, as in CommonMark
    while (i < lines.length && !isClosingFence(lines[i]!, marker)) body.push(lines[i++]!);
    i++;
    const code = escapeHtml(body.join('\n'));
    out.push(
      /^[\w+#.-]+$/.test(lang)
        ? `<pre><code class="language-${lang}">${code}</code></pre>`
        : `<pre>${code}</pre>`,
    );
  }
  return out.join('\n');
}

function isClosingFence(line: string, marker: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return m !== null && m[1]![0] === marker[0] && m[1]!.length >= marker.length;
}

function renderLine(line: string): string {
  const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return `<b>${renderInline(heading[1]!)}</b>`;
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1]}• ${renderInline(bullet[2]!)}`;
  return renderInline(line);
}

function renderInline(text: string): string {
  const held: string[] = [];
  const hold = (html: string) => `${HOLD_START}${held.push(html) - 1}${HOLD_END}`;
  let s = text
    // backslash escapes first, so an escaped marker is never markup
    .replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => hold(escapeHtml(ch)))
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) =>
      hold(`<code>${escapeHtml(code.replace(/^ (.*) $/, '$1'))}</code>`),
    )
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/g,
      (_, label: string, url: string) =>
        hold(`<a href="${escapeAttr(url)}">${renderEmphasis(escapeHtml(label))}</a>`),
    );
  s = renderEmphasis(escapeHtml(s));
  // placeholders may nest (a link label holding code): expand until none is left
  while (s.includes(HOLD_START)) s = s.replace(HOLD, (_, n: string) => held[Number(n)]!);
  return s;
}

/**
 * Bold may contain the others; italic and strikethrough contain no tags at all, so no
 * pattern can ever close a tag it did not open.
 */
function renderEmphasis(s: string): string {
  return s
    .replace(/\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*/g, '<b>$1</b>')
    .replace(/~~(?=\S)([^~<>]+?)(?<=\S)~~/g, '<s>$1</s>')
    .replace(/(?<![\w*])\*(?=[^\s*])([^*<>\n]+?)(?<=[^\s*])\*(?![\w*])/g, '<i>$1</i>')
    .replace(/(?<![\w\\])_(?=[^\s_])([^_<>\n]+?)(?<=[^\s_])_(?!\w)/g, '<i>$1</i>');
}
