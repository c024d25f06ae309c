/** The supervisor channel (systemd's sd_notify): READY=1, STOPPING=1, STATUS=…, WATCHDOG=1. */
export interface Notifier {
    notify(state: Readonly<Record<string, string>>): void;
    close(): void;
}
