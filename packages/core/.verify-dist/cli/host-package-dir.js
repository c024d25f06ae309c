import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** @ferry/core's package directory (dist/cli/… → package root), where plugin discovery starts. */
export function hostPackageDir() {
    return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}
//# sourceMappingURL=host-package-dir.js.map