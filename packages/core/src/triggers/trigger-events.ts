import { parseChatAddress } from '../api/chat-address.js';
import type { InboundEvent } from '../api/messages.js';
import type { CronConfig } from '../config/schema.js';
import { formatDuration } from '../runs/format-duration.js';
import type { AtJob } from './at-jobs.js';
import { HOOKS_PREFIX, type WebhookCall } from './webhook-handler.js';

/*
 * The synthetic inbound events triggers journal. Their dedupe keys make firing exactly-once
 * across crashes: `cron:<id>:<slot ISO>`, `at:<id>`, and the webhook call's key.
 */

/** A missed or late slot is older than this when it fires: the header says so. */
const LATE_AFTER_MS = 60_000;

export function cronEvent(cron: CronConfig, slot: number, now: number, description: string): InboundEvent {
  const slotIso = new Date(slot).toISOString();
  const late =
    now - slot > LATE_AFTER_MS ? ` (catching up the ${slotIso} slot, missed while Ferry was down)` : '';
  return {
    transport: 'cron',
    dedupeKey: `cron:${cron.id}:${slotIso}`,
    kind: 'message',
    chat: parseChatAddress(cron.chat),
    sender: { id: `cron:${cron.id}`, name: `cron ${cron.id}`, isBot: true },
    text: cron.prompt,
    sentAt: now,
    origin: {
      kind: 'cron',
      id: cron.id,
      action: 'run',
      header: `⏰ cron:${cron.id} — ${description}${late}`,
      ...(cron.engine ? { engine: cron.engine } : {}),
    },
  };
}

export function atEvent(job: AtJob, now: number): InboundEvent {
  const late =
    now - job.dueAt > LATE_AFTER_MS
      ? `; due ${formatDuration(now - job.dueAt)} ago, while Ferry was down`
      : '';
  return {
    transport: 'at',
    dedupeKey: `at:${job.id}`,
    kind: 'message',
    chat: job.chat,
    sender: { id: `at:${job.id}`, name: `/at ${job.id}`, isBot: true },
    text: job.prompt,
    sentAt: now,
    origin: {
      kind: 'at',
      id: String(job.id),
      action: 'run',
      header: `⏰ at:${job.id} — set ${formatDuration(now - job.createdAt)} ago${late}`,
    },
  };
}

export function webhookEvent(call: WebhookCall, now: number): InboundEvent {
  const { hook } = call;
  return {
    transport: 'webhook',
    dedupeKey: call.dedupeKey,
    kind: 'message',
    chat: parseChatAddress(hook.chat),
    sender: { id: `webhook:${hook.id}`, name: `webhook ${hook.id}`, isBot: true },
    text: call.text,
    sentAt: now,
    origin: {
      kind: 'webhook',
      id: hook.id,
      action: call.action,
      header: `🪝 webhook:${hook.id} — POST ${HOOKS_PREFIX}${hook.path}`,
      ...(hook.engine ? { engine: hook.engine } : {}),
    },
  };
}
