import { FerryError } from '../errors/ferry-error.js';
/** The state database could not be opened for a reason other than damage (permissions, disk). */
export declare class StateOpenError extends FerryError {
    readonly code = "FERRY_STATE_OPEN";
}
/** A migration list is not strictly increasing; a bug in the owner's code, caught before any change. */
export declare class MigrationOrderError extends FerryError {
    readonly code = "FERRY_STATE_MIGRATION_ORDER";
}
/** The database was migrated by a newer Ferry (or plugin) than this one. */
export declare class StateSchemaTooNewError extends FerryError {
    readonly code = "FERRY_STATE_SCHEMA_TOO_NEW";
}
/** A plugin tried to store a value that JSON cannot represent. */
export declare class StateValueError extends FerryError {
    readonly code = "FERRY_STATE_VALUE";
}
