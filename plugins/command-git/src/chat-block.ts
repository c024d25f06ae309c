/**
 * Command output as one chat-sized code block: cut at a line boundary to fit `maxChars`, with
 * a note of what was left out. Telegram renders the fence as preformatted text; elsewhere it
 * stays readable as plain text.
 */
export function chatBlock(output: string, maxChars: number): string {
  // a fence inside the output would close ours early
  const lines = output.replace(/\s+$/, '').replaceAll('```', '`\u200b``').split('\n');
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > maxChars) break;
    kept.push(line);
    size += line.length + 1;
  }
  if (kept.length === 0 && lines[0] !== undefined)
    kept.push(`${lines[0].slice(0, Math.max(1, maxChars - 1))}…`);
  const left = lines.length - kept.length;
  const block = `\`\`\`\n${kept.join('\n')}\n\`\`\``;
  return left > 0 ? `${block}\n… ${left} more line(s)` : block;
}
