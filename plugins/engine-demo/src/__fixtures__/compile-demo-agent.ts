import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';

const AGENT_FILES = ['demo-agent', 'demo-sessions', 'demo-tools'];

/**
 * Compiles the demo agent from source into `dir` and returns its entry, so tests run the
 * current agent without a prior `pnpm build` (Node 20 cannot run TypeScript itself).
 */
export async function compileDemoAgent(dir: string): Promise<string> {
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  for (const name of AGENT_FILES) {
    const source = await readFile(new URL(`../${name}.ts`, import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    await writeFile(join(dir, `${name}.js`), outputText);
  }
  return join(dir, 'demo-agent.js');
}
