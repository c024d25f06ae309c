/*
 * Module resolution hooks (node:module `register`), run in Node's loader thread. They make every
 * `import '@ferry/core'` — from any plugin, wherever it is installed — resolve to the host's own
 * copy. A plugin with a second copy would bring a second tsyringe whose decorators register
 * into a registry the host's container never reads ("TypeInfo not known"), and class identity
 * (`instanceof FerryError`) would split. The mapping is loader-thread state, set once by
 * `initialize`: there is no other place for it.
 */
interface ResolveContext {
  readonly parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;

let mapping: Readonly<Record<string, string>> = {};

export async function initialize(data: { mapping: Record<string, string> }): Promise<void> {
  mapping = data.mapping;
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve) {
  const url = mapping[specifier];
  if (url) return { url, shortCircuit: true };
  return next(specifier, context);
}
