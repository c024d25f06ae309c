import { FerryError } from '@ferry/core';

/*
 * Why a git call could not answer. Each has a stable code documented in Ferry's
 * docs/errors.md; the command turns them into chat answers, so a user sees what to fix.
 */

/** The git executable is not there (`[plugins.git] path`, or PATH). */
export class GitNotFoundError extends FerryError {
  readonly code = 'FERRY_GIT_NOT_FOUND';
}

/** The chat's project directory is missing or not inside a git work tree. */
export class GitNotARepoError extends FerryError {
  readonly code = 'FERRY_GIT_NOT_A_REPO';
}

/** git ran longer than `[plugins.git] timeout_ms` and was killed. */
export class GitTimeoutError extends FerryError {
  readonly code = 'FERRY_GIT_TIMEOUT';
}

/** git exited non-zero for another reason; the message carries its stderr. */
export class GitFailedError extends FerryError {
  readonly code = 'FERRY_GIT_FAILED';
}
