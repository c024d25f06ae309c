import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** One scripted, harmless action of the demo agent, shown as a claude tool call. */
export interface DemoTool {
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
  run(): Promise<string>;
}

/** A line of the prompt that is exactly `pattern` (the host may prefix notices to prompts). */
export function promptHook(prompt: string, pattern: RegExp): RegExpMatchArray | null {
  return prompt.match(new RegExp(`^\\s*${pattern.source}\\s*$`, 'im'));
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function listFiles(cwd: string): string[] {
  try {
    return readdirSync(cwd).sort();
  } catch {
    return [];
  }
}

/**
 * The actions for a prompt. `sleep N` runs one real child process for N seconds, like a tool
 * shell running `tail -f`, so that stopping a run has a grandchild to reach; it is added to
 * `running` so the agent can kill it on SIGTERM.
 */
export function scriptedTools(prompt: string, cwd: string, running: Set<ChildProcess>): DemoTool[] {
  const sleep = promptHook(prompt, /sleep\s+(\d+(?:\.\d+)?)/);
  if (sleep) return [sleepTool(Number(sleep[1]), running)];
  return [
    { name: 'ListFiles', input: { path: cwd }, run: async () => listFiles(cwd).join('\n') || '(empty)' },
    { name: 'WordCount', input: { text: 'the prompt' }, run: async () => String(wordCount(prompt)) },
    { name: 'Clock', input: {}, run: async () => new Date().toISOString() },
  ];
}

function sleepTool(seconds: number, running: Set<ChildProcess>): DemoTool {
  return {
    name: 'Sleep',
    input: { command: `sleep ${seconds}`, seconds },
    run: () =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${seconds * 1000})`], {
          stdio: 'ignore',
        });
        running.add(child);
        child.once('exit', () => {
          running.delete(child);
          resolve(`slept ${seconds} s`);
        });
      }),
  };
}
