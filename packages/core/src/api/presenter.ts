import type { EngineAction, Usage } from './engine.js';
import type { OutgoingMessage } from './messages.js';

export interface ActionView {
  readonly action: EngineAction;
  readonly state: 'running' | 'ok' | 'failed';
}

/** What a progress message shows while a run goes on. */
export interface ProgressView {
  readonly engine: string;
  readonly model?: string;
  readonly elapsedMs: number;
  readonly actions: readonly ActionView[];
  readonly status: 'queued' | 'running' | 'cancelling';
  /** Position in the session's queue while waiting. */
  readonly ahead?: number;
  /** Data of the cancel button, when the transport has buttons. */
  readonly cancelData?: string;
  /** Where the run came from when not a chat message: `⏰ cron:daily`, `🪝 webhook:deploy`. */
  readonly source?: string;
}

/** What the footer under a final answer says. */
export interface FinalView {
  readonly engine: string;
  readonly model?: string;
  readonly ok: boolean;
  readonly answer: string;
  readonly error?: string;
  readonly durationMs: number;
  readonly steps: number;
  readonly usage?: Usage;
  /** Where the run came from when not a chat message: `cron:daily`, `webhook:deploy`. */
  readonly source?: string;
  readonly resumeLine?: string;
}

export interface Presenter {
  progress(view: ProgressView): OutgoingMessage;
  /** The answer, possibly split into several messages by the transport's length limit. */
  answer(view: FinalView, maxTextLength: number): OutgoingMessage[];
  /** The short summary the progress message is edited to after the answer went out. */
  summary(view: FinalView): OutgoingMessage;
}
