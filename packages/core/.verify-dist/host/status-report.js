import { formatChatAddress } from '../api/chat-address.js';
export function runsForStatus(runs) {
    return runs.map((r) => ({
        session: r.session,
        engine: r.engine,
        started_at: new Date(r.startedAt).toISOString(),
        chat: formatChatAddress(r.chat),
        steps: r.steps,
    }));
}
//# sourceMappingURL=status-report.js.map