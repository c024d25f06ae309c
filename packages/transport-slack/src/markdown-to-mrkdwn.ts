/** Slack needs these three escaped everywhere, code included; nothing else. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const FENCE = /^\s*(```|~~~)/;
// markers that cannot occur in text (private-use code points) keep converted bold from being read as italics
const BOLD_OPEN = '\uE000';
const BOLD_CLOSE = '\uE001';

/**
 * Converts the Markdown engines write into Slack's mrkdwn: `**b**` → `*b*`, `*i*` → `_i_`,
 * `~~s~~` → `~s~`, `[t](u)` → `<u|t>`, headings → bold lines, `-` bullets → `•`. Code spans
 * and fenced blocks stay verbatim (escaped only), fences lose their language tag (Slack
 * would show it as text).
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      out.push('```');
      inFence = !inFence;
      continue;
    }
    out.push(inFence ? escapeMrkdwn(line) : convertLine(line));
  }
  if (inFence) out.push('```');
  return out.join('\n');
}

function convertLine(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return `*${convertInline(heading[1]!.replace(/\*\*/g, ''))}*`;
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return '──────────';
  const quote = /^(\s*>\s?)(.*)$/.exec(line);
  if (quote) return `>${convertLine(quote[2]!)}`;
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1]}• ${convertInline(bullet[2]!)}`;
  return convertInline(line);
}

/** Inline code spans are cut out first so nothing inside them is touched. */
function convertInline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : convertSpan(part)))
    .join('');
}

function convertSpan(text: string): string {
  let s = escapeMrkdwn(text);
  s = s.replace(
    /!?\[([^\]\n]+)\]\((\S+?)\)/g,
    (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`,
  );
  s = s.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${BOLD_OPEN}$1${BOLD_CLOSE}`);
  s = s.replace(/__(?=\S)(.+?)(?<=\S)__/g, `${BOLD_OPEN}$1${BOLD_CLOSE}`);
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)/g, '$1_$2_');
  s = s.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '~$1~');
  return s.replaceAll(BOLD_OPEN, '*').replaceAll(BOLD_CLOSE, '*');
}
