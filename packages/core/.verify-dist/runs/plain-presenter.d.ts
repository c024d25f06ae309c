import type { FinalView, Presenter, ProgressView } from '../api/presenter.js';
import type { OutgoingMessage } from '../api/messages.js';
/** The host's rendering for transports without a presenter of their own: plain text. */
export declare class PlainPresenter implements Presenter {
    progress(view: ProgressView): OutgoingMessage;
    answer(view: FinalView, maxTextLength: number): OutgoingMessage[];
    summary(view: FinalView): OutgoingMessage;
    footer(view: FinalView): string;
}
