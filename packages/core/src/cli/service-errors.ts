import { FerryError } from '../errors/ferry-error.js';

/** A unit file of that name exists and was not written by `ferry service install`. */
export class ServiceUnitForeignError extends FerryError {
  readonly code = 'FERRY_SERVICE_UNIT_FOREIGN';

  constructor(readonly path: string) {
    super(
      `${path} exists and was not written by \`ferry service install\`; ` +
        'move it away (or pass --force to replace or remove it)',
    );
  }
}
