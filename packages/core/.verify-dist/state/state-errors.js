import { FerryError } from '../errors/ferry-error.js';
/*
 * Errors raised by the StateStore. Each code is listed in docs/errors.md with its fix.
 * Corruption is deliberately not an error: a damaged database is moved aside and replaced.
 */
/** The state database could not be opened for a reason other than damage (permissions, disk). */
export class StateOpenError extends FerryError {
    code = 'FERRY_STATE_OPEN';
}
/** A migration list is not strictly increasing; a bug in the owner's code, caught before any change. */
export class MigrationOrderError extends FerryError {
    code = 'FERRY_STATE_MIGRATION_ORDER';
}
/** The database was migrated by a newer Ferry (or plugin) than this one. */
export class StateSchemaTooNewError extends FerryError {
    code = 'FERRY_STATE_SCHEMA_TOO_NEW';
}
/** A plugin tried to store a value that JSON cannot represent. */
export class StateValueError extends FerryError {
    code = 'FERRY_STATE_VALUE';
}
//# sourceMappingURL=state-errors.js.map