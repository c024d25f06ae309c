import { sessionKeyOf } from '../api/chat-address.js';
import type { TriggerOrigin } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import { decodeButtonData } from '../commands/command-button-data.js';
import { CommandInvoker } from '../commands/command-invoker.js';
import type { CommandRegistry } from '../commands/command-registry.js';
import { parseCommand } from '../commands/parse-command.js';
import type { IngressConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { ApprovalBroker } from '../runs/approval-broker.js';
import type { EngineSource } from '../runs/engine-source.js';
import { formatDuration } from '../runs/format-duration.js';
import type { ProjectRouter } from '../runs/project-router.js';
import type { Reasons } from '../runs/reasons.js';
import type { RunService } from '../runs/run-service.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { triggerSource } from '../triggers/trigger-source.js';
import type { IngressJournal } from './ingress-journal.js';
import type { JournalEntry } from './journal-entry.js';
import { saveAttachments } from './save-attachments.js';

/** First retry of an event whose processing threw; doubles per attempt. */
const RETRY_BASE_MS = 2_000;

/** A message older than this is run with a note telling the engine how late it is. */
const LATE_NOTE_AFTER_MS = 60_000;

export interface DispatcherDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly journal: IngressJournal;
  readonly runs: RunService;
  /** Where button presses on approval messages and answers typed in text go. */
  readonly approvals: ApprovalBroker;
  readonly commands: CommandRegistry;
  readonly router: ProjectRouter;
  readonly engines: EngineSource;
  readonly hub: TransportHub;
  /** Delivers a reason given instead of an answer through the outbox. */
  readonly reasons: Reasons;
  readonly ingress: () => IngressConfig;
  /** True while a restart drains: new work is journaled and acknowledged, not started. */
  readonly draining: () => boolean;
}

/**
 * Takes journaled events to where they run: the gate (draining? too old?), then a command
 * or an engine run. Each entry is in flight at most once per generation.
 */
export class Dispatcher {
  readonly #inFlight = new Set<number>();

  readonly #commands: CommandInvoker;

  constructor(private readonly d: DispatcherDeps) {
    this.#commands = new CommandInvoker(d);
  }

  dispatch(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      if (this.#inFlight.has(entry.seq)) continue;
      this.#inFlight.add(entry.seq);
      void this.#handle(entry)
        .catch((err: unknown) => this.#failed(entry, err))
        .finally(() => this.#inFlight.delete(entry.seq));
    }
  }

  /** Entries currently being handled (commands and runs, queued or running). */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  async #handle(entry: JournalEntry): Promise<void> {
    const { event } = entry;
    const { journal, clock } = this.d;
    if (this.d.draining()) {
      await this.#noticeRestarting(entry);
      return;
    }
    const age = clock.now() - event.sentAt;
    if (!entry.replayed && age > this.d.ingress().max_backlog_age_s * 1000) {
      await this.d.reasons.give(
        entry.seq,
        event.chat,
        `⏭ skipped: too old — sent ${formatDuration(age)} ago while Ferry was offline. Resend if still wanted.`,
        event.messageRef,
        'skipped',
      );
      return;
    }
    if (event.kind === 'callback') {
      await this.#callback(entry);
      return;
    }
    if (event.origin) {
      await this.#trigger(entry, event.origin, age);
      return;
    }
    const parsed = parseCommand(event.text);
    if (parsed && this.d.commands.get(parsed.name)) {
      await this.#command(entry, parsed.name, parsed.args);
      return;
    }
    // a question waits for this sender's words: the message answers it instead of starting a run
    const answer = parsed ? undefined : this.d.approvals.textAnswer(event.chat, event.sender);
    if (answer) {
      if (journal.claim(entry.seq)) await answer(event.text);
      journal.setState(entry.seq, 'done');
      return;
    }
    const session = sessionKeyOf(event.chat);
    const route = this.d.router.route(event.chat, session);
    let engine = route.engine;
    let prompt = event.text;
    if (parsed && this.d.engines.ids().includes(parsed.name)) {
      engine = parsed.name;
      prompt = parsed.args;
    } else if (parsed) {
      await this.d.reasons.give(
        entry.seq,
        event.chat,
        `Unknown command /${parsed.name}. Send /help for the list.`,
        event.messageRef,
      );
      return;
    }
    if (age > LATE_NOTE_AFTER_MS) {
      prompt = `[This message was sent ${formatDuration(age)} ago, while Ferry was offline.]\n\n${prompt}`;
    }
    if (event.attachments?.length) prompt = `${await this.#attachments(entry, route.cwd)}${prompt}`;
    const replied = event.replyToText ? await this.#resumeFromReply(event.replyToText) : undefined;
    await this.d.runs.submit({
      seq: entry.seq,
      chat: event.chat,
      session,
      prompt,
      engine: replied?.engine ?? engine,
      cwd: route.cwd,
      ...(replied ? { resume: replied.resume } : {}),
      ...(event.messageRef ? { replyTo: event.messageRef } : {}),
      ...(entry.notice ? { notice: entry.notice } : {}),
    });
  }

  /** Saves the files into the working dir and tells the engine about them (and about refused ones). */
  async #attachments(entry: JournalEntry, cwd: string): Promise<string> {
    const { event } = entry;
    const maxBytes = this.d.ingress().max_attachment_mb * 1_048_576;
    const { saved, refused } = await saveAttachments(
      this.d.hub.get(event.transport),
      event.attachments ?? [],
      cwd,
      maxBytes,
    );
    if (refused.length) {
      await this.d.hub.trySend(event.chat, {
        text: `⚠️ not saved: ${refused.join(', ')}`,
        ...(event.messageRef ? { replyTo: event.messageRef } : {}),
      });
    }
    return saved.length
      ? `[The user attached ${saved.length} file(s), saved in the working directory: ${saved.join(', ')}]\n\n`
      : '';
  }

  /** A reply to an old answer continues that answer's session: the first engine whose resume line it carries. */
  async #resumeFromReply(text: string): Promise<{ engine: string; resume: string } | undefined> {
    for (const id of this.d.engines.ids()) {
      try {
        const resume = (await this.d.engines.runner(id)).resume.extract(text);
        if (resume) return { engine: id, resume };
      } catch {
        // an engine that cannot load cannot own the reply either
      }
    }
    return undefined;
  }

  #command(entry: JournalEntry, name: string, args: string): Promise<void> {
    return this.#commands.command(entry, name, args);
  }

  /** A trigger's event: the text is a prompt, never a command; progress and footer name the trigger. */
  async #trigger(entry: JournalEntry, origin: TriggerOrigin, age: number): Promise<void> {
    const { event } = entry;
    const source = triggerSource(origin);
    if (origin.action === 'notify') {
      if (!this.d.journal.claim(entry.seq)) return;
      await this.d.hub.send(event.chat, { text: `${source}: ${event.text}` });
      this.d.journal.setState(entry.seq, 'done');
      return;
    }
    const session = sessionKeyOf(event.chat);
    const route = this.d.router.route(event.chat, session);
    const late = age > LATE_NOTE_AFTER_MS ? ` (${formatDuration(age)} late: Ferry was offline or busy)` : '';
    // the run replies to this line, so its progress and answer show which trigger started it
    const header = origin.header
      ? await this.d.hub.trySend(event.chat, { text: `${origin.header}${late}`, silent: true })
      : undefined;
    await this.d.runs.submit({
      seq: entry.seq,
      chat: event.chat,
      session,
      prompt: event.text,
      engine: origin.engine ?? route.engine,
      cwd: route.cwd,
      source,
      ...(header ? { replyTo: header } : {}),
      ...(entry.notice ? { notice: entry.notice } : {}),
    });
  }

  async #callback(entry: JournalEntry): Promise<void> {
    const { event } = entry;
    const button = decodeButtonData(event.text);
    if (button) {
      await this.#commands.callback(entry, button.commandId, button.payload);
      return;
    }
    if (event.text.startsWith('approve:')) {
      // claimed first: a redelivered press must not answer twice
      if (this.d.journal.claim(entry.seq)) await this.d.approvals.press(event.text, event.chat, event.sender);
      this.d.journal.setState(entry.seq, 'done');
      return;
    }
    const m = /^cancel:(\d+)$/.exec(event.text);
    if (m) this.d.runs.cancelById(Number(m[1]));
    this.d.journal.setState(entry.seq, 'done');
  }

  async #noticeRestarting(entry: JournalEntry): Promise<void> {
    const { journal, hub } = this.d;
    if (!journal.markNotified(entry.seq)) return;
    await hub.trySend(entry.event.chat, {
      text: '🔄 restarting — I’ll pick this up after the restart.',
      ...(entry.event.messageRef ? { replyTo: entry.event.messageRef } : {}),
    });
  }

  /**
   * Processing threw (not the engine failing — that is an answer — but the host: a transport
   * gone, a disk error). Retried with backoff; after `max_attempts` the entry is a dead letter,
   * reported in its chat and kept for `ferry journal` — never a loop.
   */
  async #failed(entry: JournalEntry, err: unknown): Promise<void> {
    const { journal, log, clock } = this.d;
    const max = this.d.ingress().max_attempts;
    const state = journal.fail(entry.seq, err instanceof Error ? err.message : String(err), max);
    log.error({ err, seq: entry.seq, state }, 'could not process an inbound event');
    if (state === 'dead') {
      await this.d.reasons.give(
        entry.seq,
        entry.event.chat,
        `⚠️ I could not process this message after ${max} attempts; it is kept for an operator (ferry journal list).`,
        entry.event.messageRef,
        'dead',
      );
      return;
    }
    const retry = journal.get(entry.seq);
    if (!retry) return;
    // not awaited: the entry must leave the in-flight set before its retry is dispatched
    void clock.sleep(RETRY_BASE_MS * 2 ** Math.max(0, retry.attempts - 1)).then(() => {
      if (!this.d.draining()) this.dispatch([retry]);
    });
  }
}
