import type { TriggerOrigin } from '../api/messages.js';

const ICON: Readonly<Record<TriggerOrigin['kind'], string>> = { cron: '⏰', at: '⏰', webhook: '🪝' };

/** The provenance shown in a trigger-started run's header and footer: `⏰ cron:daily`, `🪝 webhook:deploy`. */
export function triggerSource(origin: Pick<TriggerOrigin, 'kind' | 'id'>): string {
  return `${ICON[origin.kind]} ${origin.kind}:${origin.id}`;
}
