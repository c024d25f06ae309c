import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Compiles demo-agent.ts from source into `dir`, so tests run the current agent without a
 * prior `pnpm build` (Node 20 cannot run TypeScript itself).
 */
export async function compileDemoAgent(dir: string): Promise<string> {
  const source = await readFile(new URL('../demo-agent.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(dir, 'demo-agent.mjs');
  await writeFile(file, outputText);
  return file;
}
