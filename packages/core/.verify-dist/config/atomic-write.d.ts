export interface AtomicWriteOptions {
    /** Permission bits; by default those of the file being replaced, or 0600 for a new file. */
    readonly mode?: number;
}
/**
 * Replaces a file so that readers (and a crash) see the old or the new content, never a mix:
 * temp file in the same directory, fsync, rename over, fsync the directory so the rename
 * itself is durable. A symlinked path keeps its link; the file it points at is replaced.
 */
export declare function writeFileAtomic(path: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void>;
