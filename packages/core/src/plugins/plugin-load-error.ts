import { FerryError, isFerryError } from '../errors/ferry-error.js';
import { type PluginRecord, pluginLabel } from './plugin-record.js';

/**
 * A plugin could not be loaded: refused at discovery, import threw, bad export, invalid config,
 * or `register` threw. `reason` is the underlying code (FERRY_PLUGIN_LOAD when the cause has
 * none), so `ferry doctor` can tell an invalid config from a broken package.
 */
export class PluginLoadError extends FerryError {
  readonly code = 'FERRY_PLUGIN_LOAD';
  readonly reason: string;

  constructor(
    readonly record: PluginRecord,
    cause: unknown,
  ) {
    super(
      `cannot load ${pluginLabel(record)} from ${record.packageName}@${record.packageVersion} ` +
        `(${record.packageDir}): ${oneLine(cause)}`,
      { cause },
    );
    this.reason = codeOf(cause) ?? this.code;
  }
}

function codeOf(cause: unknown): string | undefined {
  if (isFerryError(cause)) return cause.code;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('FERRY_') ? code : undefined;
}

/** The host prints this as one `error:` line; stack-ish multi-line messages would break that. */
function oneLine(cause: unknown): string {
  const message =
    cause instanceof Error || (typeof cause === 'object' && cause !== null && 'message' in cause)
      ? String((cause as { message: unknown }).message)
      : String(cause);
  return message.replace(/\s*\n\s*/g, ' ');
}
