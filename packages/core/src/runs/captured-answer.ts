import type { EngineAnswer } from '../api/command.js';
import type { FinalView } from '../api/presenter.js';

/** What a command that captured a run gets back: the final view without its chat rendering. */
export function capturedAnswer(view: FinalView, resume: string | undefined): EngineAnswer {
  return {
    ok: view.ok,
    answer: view.answer,
    ...(view.error ? { error: view.error } : {}),
    engine: view.engine,
    ...(view.model ? { model: view.model } : {}),
    ...(view.usage ? { usage: view.usage } : {}),
    durationMs: view.durationMs,
    steps: view.steps,
    ...(resume ? { resume } : {}),
  };
}
