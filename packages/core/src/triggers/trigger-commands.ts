import type { Command } from '../api/command.js';
import type { Clock } from '../clock/clock.js';
import { isFerryError } from '../errors/ferry-error.js';
import { formatDuration } from '../runs/format-duration.js';
import { parseDelay } from './parse-delay.js';
import { AtUsageError } from './trigger-errors.js';
import type { TriggerManager } from './trigger-manager.js';

const AT_USAGE = '/at <30s|10m|2h|1d> <prompt> · /at list · /at cancel <id>';
/** A prompt is cut to this in listings. */
const PREVIEW_CHARS = 60;

/** `/at` and `/triggers`. */
export function triggerCommands(manager: TriggerManager, clock: Clock): Command[] {
  return [
    {
      id: 'at',
      description: 'run a prompt later in this chat (/at 10m check the build); /at list, /at cancel <id>',
      usage: AT_USAGE,
      async handle(ctx) {
        try {
          return { text: at(manager, clock, ctx.chat, ctx.args) };
        } catch (err) {
          // a usage mistake is an answer, not a failure of the command
          if (isFerryError(err)) return { text: `⚠️ ${err.message}` };
          throw err;
        }
      },
    },
    {
      id: 'triggers',
      description: 'list the crons, webhooks and /at jobs that post in this chat',
      async handle(ctx) {
        const { crons, webhooks, at: jobs } = manager.forChat(ctx.chat);
        const now = clock.now();
        const lines = [
          ...crons.map((c) => {
            const next = c.finished
              ? 'fired (run_once)'
              : c.next
                ? `next ${localTime(c.next, c.timezone)} (in ${formatDuration(Date.parse(c.next) - now)})`
                : 'not scheduled';
            return `⏰ cron:${c.id} — ${c.description} · ${next}`;
          }),
          ...webhooks.map(
            (h) =>
              `🪝 webhook:${h.id} — POST ${h.url_path} · ${h.auth} · ${h.action}${h.enabled ? '' : ' · off'}`,
          ),
          ...jobs.map(
            (j) => `⏰ at:${j.id} — in ${formatDuration(Math.max(0, j.dueAt - now))}: ${preview(j.prompt)}`,
          ),
        ];
        return { text: lines.length ? lines.join('\n') : 'No triggers post in this chat.' };
      },
    },
  ];
}

function at(
  manager: TriggerManager,
  clock: Clock,
  chat: Parameters<TriggerManager['schedule']>[0],
  args: string,
): string {
  const [head = '', ...rest] = args.split(/\s+/);
  if (head === '') throw new AtUsageError(`usage: ${AT_USAGE}`);
  if (head === 'list') {
    const jobs = manager.pendingAt(chat);
    const now = clock.now();
    if (!jobs.length) return 'No pending /at jobs here.';
    return jobs
      .map((j) => `#${j.id} in ${formatDuration(Math.max(0, j.dueAt - now))}: ${preview(j.prompt)}`)
      .join('\n');
  }
  if (head === 'cancel') {
    const id = Number(rest[0]?.replace(/^#/, ''));
    if (!Number.isInteger(id)) throw new AtUsageError('usage: /at cancel <id> (see /at list)');
    return manager.cancelAt(chat, id) ? `🗑 /at #${id} cancelled.` : `No pending /at #${id} here.`;
  }
  const delay = parseDelay(head);
  const prompt = args.slice(head.length).trim();
  if (!prompt) throw new AtUsageError(`what should run in ${head}? usage: ${AT_USAGE}`);
  const job = manager.schedule(chat, delay, prompt);
  return `⏰ at:${job.id} set: runs in ${formatDuration(delay)} (${new Date(job.dueAt).toISOString()}). /at cancel ${job.id} to drop it.`;
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}

/** `Mon 2026-03-30 09:00` in the cron's own zone. */
function localTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
