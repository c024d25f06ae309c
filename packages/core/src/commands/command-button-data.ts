import type { CommandButton, CommandMessageOptions } from '../api/command.js';
import type { Button } from '../api/messages.js';
import { CommandButtonError } from './command-button-error.js';

/** Telegram's limit for `callback_data`, the tightest of the platforms Ferry speaks. */
export const MAX_CALLBACK_DATA_BYTES = 64;

const PREFIX = 'cmd:';

/** `cmd:<id>:<payload>`: the id routes a press back to the command that made the button. */
export function encodeButtonData(commandId: string, payload: string): string {
  const data = `${PREFIX}${commandId}:${payload}`;
  const bytes = Buffer.byteLength(data);
  if (bytes > MAX_CALLBACK_DATA_BYTES) {
    const room = MAX_CALLBACK_DATA_BYTES - Buffer.byteLength(`${PREFIX}${commandId}:`);
    throw new CommandButtonError(
      `/${commandId}: the button payload "${payload.slice(0, 80)}" is ${Buffer.byteLength(payload)} bytes; ` +
        `with the prefix "${PREFIX}${commandId}:" it would be ${bytes} bytes of callback data, over the ` +
        `${MAX_CALLBACK_DATA_BYTES}-byte limit. Keep payloads to ${room} bytes (put bigger state in the ` +
        'plugin store and send its key)',
    );
  }
  return data;
}

/** The command and payload of a press, or undefined when the data is not a command's button. */
export function decodeButtonData(data: string): { commandId: string; payload: string } | undefined {
  const m = /^cmd:([a-z0-9_]{1,32}):([\s\S]*)$/.exec(data);
  return m ? { commandId: m[1]!, payload: m[2]! } : undefined;
}

/** A command's button rows as transport buttons; throws before anything is sent. */
export function encodeButtons(
  commandId: string,
  buttons: CommandMessageOptions['buttons'],
): Button[][] | undefined {
  if (!buttons) return undefined;
  return buttons.map((row) =>
    row.map((b: CommandButton) => ({ text: b.text, data: encodeButtonData(commandId, b.payload) })),
  );
}
