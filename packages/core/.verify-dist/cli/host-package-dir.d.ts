/** @ferry/core's package directory (dist/cli/… → package root), where plugin discovery starts. */
export declare function hostPackageDir(): string;
