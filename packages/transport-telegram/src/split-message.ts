/** Telegram's limit, in UTF-16 code units after entity parsing (PLATFORMS.md). */
export const TELEGRAM_TEXT_LIMIT = 4096;

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** Room for "(12/34)\n" in front of a part. */
const MARKER_ROOM = 12;

export interface SplitOptions {
  /** Appended to the last part only (the answer's footer). */
  readonly footer?: string;
}

/**
 * Splits Markdown into parts of at most `max` UTF-16 units, each readable alone: cuts fall
 * on paragraph, line or word boundaries; a code block cut in two is closed at the end of one
 * part and reopened (with its language) at the start of the next; parts are numbered
 * "(i/n)"; the footer stays whole on the last part. Rendering only removes characters, so a
 * part within `max` also fits once it is HTML.
 */
export function splitMessage(text: string, max: number, options: SplitOptions = {}): string[] {
  const footer = options.footer ? `\n\n${options.footer}` : '';
  if (text.length + footer.length <= max) return [text + footer];
  const budget = max - MARKER_ROOM;
  if (budget - footer.length < 64) throw new RangeError(`cannot split into parts of ${max} with that footer`);
  const parts = chunk(text, budget);
  // the footer goes on the last part; if it does not fit, that part is cut again
  const last = parts.pop()!;
  if (last.length + footer.length <= budget) parts.push(last + footer);
  else {
    const tail = chunk(last, budget - footer.length);
    tail[tail.length - 1] += footer;
    parts.push(...tail);
  }
  return parts.map((p, i) => `(${i + 1}/${parts.length})\n${p}`);
}

function chunk(text: string, budget: number): string[] {
  const parts: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length > 0) {
    const prefix = reopen ? `${reopen}\n` : '';
    if (prefix.length + rest.length <= budget) {
      parts.push(prefix + rest);
      break;
    }
    // room for a closing fence in case this cut lands inside a code block
    const room = budget - prefix.length - 4;
    const cut = cutAt(rest, room);
    const piece = prefix + rest.slice(0, cut).trimEnd();
    rest = rest.slice(cut).replace(/^\s*\n/, '');
    const open = openFence(piece);
    parts.push(open ? `${piece}\n${open.marker}` : piece);
    reopen = open ? open.line : '';
  }
  return parts;
}

/** Where to cut `text` so that the piece is at most `room` long: the best boundary in the back half. */
function cutAt(text: string, room: number): number {
  const window = text.slice(0, room + 1);
  for (const boundary of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(boundary, room);
    if (at >= room / 2) return at + (boundary === ' ' ? 1 : 0);
  }
  // never split a surrogate pair (an emoji would turn into two broken halves)
  const code = text.charCodeAt(room - 1);
  return code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}

/** The fence still open at the end of `text`, if any: its marker and its opening line. */
function openFence(text: string): { marker: string; line: string } | undefined {
  let open: { marker: string; line: string } | undefined;
  for (const line of text.split('\n')) {
    const m = FENCE_LINE.exec(line);
    if (!m) continue;
    const marker = m[1]!;
    if (!open) open = { marker, line: line.trim() };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && m[2]!.trim() === '')
      open = undefined;
  }
  return open;
}
