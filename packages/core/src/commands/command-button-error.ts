import { FerryError } from '../errors/ferry-error.js';

/** A command's button cannot be sent: its callback data would not fit the platform's limit. */
export class CommandButtonError extends FerryError {
  readonly code = 'FERRY_COMMAND_BUTTON';
}
