/** The chat shows a preview, not the file: a few lines keep the buttons on screen. */
const MAX_LINES = 12;
const MAX_CHARS = 1500;

function clip(lines: string[]): string {
  const shown = lines.slice(0, MAX_LINES);
  let text = shown.join('\n');
  if (text.length > MAX_CHARS) text = `${text.slice(0, MAX_CHARS - 1)}…`;
  return lines.length > MAX_LINES ? `${text}\n… ${lines.length - MAX_LINES} more line(s)` : text;
}

/**
 * What an edit would change, as a small diff (`-` old, `+` new) for Edit, the first lines for
 * Write, and the plan's text for ExitPlanMode; undefined for other tools.
 */
export function approvalPreview(tool: string, input: Record<string, unknown>): string | undefined {
  const str = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : undefined);
  if (tool === 'Edit') {
    const before = str('old_string');
    const after = str('new_string');
    if (before === undefined || after === undefined) return undefined;
    return clip([...before.split('\n').map((l) => `- ${l}`), ...after.split('\n').map((l) => `+ ${l}`)]);
  }
  if (tool === 'Write') {
    const content = str('content');
    return content === undefined ? undefined : clip(content.split('\n').map((l) => `+ ${l}`));
  }
  if (tool === 'ExitPlanMode') {
    const plan = str('plan');
    return plan === undefined ? undefined : clip(plan.split('\n'));
  }
  return undefined;
}
