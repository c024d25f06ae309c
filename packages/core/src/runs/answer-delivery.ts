import { inject, injectable } from 'tsyringe';
import type { FinalView } from '../api/presenter.js';
import type { Logger } from '../logging/logger.js';
import { LOGGER, TRANSPORT_HUB } from '../tokens.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { ActiveRun } from './active-run.js';
import { Outbox } from './outbox.js';
import { sendOutboxFiles } from './outbox-files.js';

/** How a finished run's answer reaches the chat: through the durable outbox, as a reply. */
@injectable()
export class AnswerDelivery {
  constructor(
    @inject(TRANSPORT_HUB) private readonly hub: TransportHub,
    @inject(Outbox) private readonly outbox: Outbox,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Records the answer, sends it as a reply, confirms it, then shrinks the progress message. */
  async deliver(run: Pick<ActiveRun, 'id' | 'job' | 'progress'>, view: FinalView): Promise<void> {
    const { job } = run;
    const presenter = this.hub.presenter(job.chat);
    const parts = presenter.answer(view, this.hub.capabilities(job.chat).maxTextLength);
    const items = this.outbox.record(
      job.seq,
      job.chat,
      parts.map((p) => p.text),
      job.replyTo,
      run.id,
    );
    // this run owns its answer until it is sent or has failed: the retry loop keeps off
    for (const item of items) this.outbox.begin(item);
    try {
      for (const item of items) {
        await this.hub.send(job.chat, { text: item.text, ...(job.replyTo ? { replyTo: job.replyTo } : {}) });
        this.outbox.confirm(item);
      }
    } catch (err) {
      // left pending: the outbox sender retries it with backoff
      this.log.error({ err, chat: job.chat }, 'could not deliver an answer; it stays in the outbox');
      return;
    } finally {
      for (const item of items) this.outbox.end(item);
    }
    if (run.progress) {
      const caps = this.hub.capabilities(job.chat);
      if (caps.edit) await this.hub.tryEdit(run.progress, presenter.summary(view));
    }
    try {
      await sendOutboxFiles(this.hub.get(job.chat.transport), job.cwd, job.chat, job.replyTo);
    } catch (err) {
      this.log.warn({ err, cwd: job.cwd }, 'could not send the files the engine left in its outbox');
    }
  }
}
