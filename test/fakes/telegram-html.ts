/**
 * Telegram's `parse_mode` parsing, as strict as the real server: a message's markup becomes
 * plain text plus entities whose offsets count UTF-16 code units, or the request fails with
 * "can't parse entities: …" (PLATFORMS.md). Only what the Bot API documents is accepted.
 */
export interface TgEntity {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
  readonly url?: string;
  readonly language?: string;
}

export interface ParsedText {
  readonly text: string;
  readonly entities: TgEntity[];
}

export class EntityParseError extends Error {}

const HTML_TAGS: Readonly<Record<string, string>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  pre: 'pre',
  a: 'text_link',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface Open {
  readonly tag: string;
  readonly start: number;
  readonly attrs: Record<string, string>;
  /** A `<pre>`'s language, taken from its inner `<code class="language-x">`. */
  lang?: string;
}

export function parseHtml(html: string): ParsedText {
  let text = '';
  const entities: TgEntity[] = [];
  const stack: Open[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m =
        /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))*)\s*>/.exec(
          html.slice(i),
        );
      if (!m)
        throw new EntityParseError(`can't parse entities: Unexpected end of name token at byte offset ${i}`);
      const [whole, closing, rawName, rawAttrs] = m;
      const tag = rawName!.toLowerCase();
      if (!(tag in HTML_TAGS)) {
        throw new EntityParseError(
          `can't parse entities: Unsupported start tag "${tag}" at byte offset ${i}`,
        );
      }
      if (closing) {
        const open = stack.pop();
        if (!open || open.tag !== tag) {
          throw new EntityParseError(
            `can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open?.tag ?? ''}>", found "</${tag}>"`,
          );
        }
        close(open, text.length, entities, stack);
      } else {
        const attrs = parseAttrs(rawAttrs ?? '');
        if (tag === 'span' && attrs.class !== 'tg-spoiler') {
          throw new EntityParseError(
            `can't parse entities: Tag "span" must have class "tg-spoiler" at byte offset ${i}`,
          );
        }
        stack.push({ tag, start: text.length, attrs });
      }
      i += whole!.length;
    } else if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i));
      if (!m)
        throw new EntityParseError(
          `can't parse entities: Character '&' is reserved and must be escaped at byte offset ${i}`,
        );
      const name = m[1]!;
      text += name.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1)))
          : NAMED_ENTITIES[name]!;
      i += m[0].length;
    } else if (ch === '>') {
      throw new EntityParseError(
        `can't parse entities: Character '>' is reserved and must be escaped at byte offset ${i}`,
      );
    } else {
      text += ch;
      i++;
    }
  }
  const unclosed = stack.pop();
  if (unclosed) {
    throw new EntityParseError(
      `can't parse entities: Can't find end tag corresponding to start tag "${unclosed.tag}"`,
    );
  }
  return { text, entities: entities.sort((a, b) => a.offset - b.offset) };
}

function close(open: Open, end: number, entities: TgEntity[], stack: Open[]): void {
  if (end === open.start) return; // Telegram drops empty entities
  const type = HTML_TAGS[open.tag]!;
  const base = { offset: open.start, length: end - open.start };
  if (type === 'text_link') {
    if (!open.attrs.href) return;
    entities.push({ type, ...base, url: open.attrs.href });
  } else if (type === 'code' && stack.at(-1)?.tag === 'pre') {
    // <pre><code class="language-x"> is one pre entity with a language
    const lang = /^language-(.+)$/.exec(open.attrs.class ?? '')?.[1];
    if (lang) stack.at(-1)!.lang = lang;
  } else if (type === 'pre') {
    entities.push({ type, ...base, ...(open.lang ? { language: open.lang } : {}) });
  } else {
    entities.push({ type, ...base });
  }
}

function parseAttrs(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of raw.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attrs[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function decode(value: string): string {
  return value.replace(/&(lt|gt|amp|quot);/g, (_, n: string) => NAMED_ENTITIES[n]!);
}

/**
 * MarkdownV2, only as far as its escaping rules go: the reserved characters that are not
 * markup must be escaped. Enough to catch a sender that forgot to escape.
 */
export function parseMarkdownV2(source: string): ParsedText {
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      text += source[++i] ?? '';
    } else if ('.!#+-={}>'.includes(ch)) {
      throw new EntityParseError(
        `can't parse entities: Character '${ch}' is reserved and must be escaped with the preceding '\\'`,
      );
    } else if (!'*_~`|[]()'.includes(ch)) {
      text += ch;
    }
  }
  return { text, entities: [] };
}
