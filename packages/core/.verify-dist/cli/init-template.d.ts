export interface InitAnswers {
    readonly engine: string;
    readonly telegram?: {
        readonly botToken: string;
        readonly chatId: string;
    };
    readonly slack?: {
        readonly appToken: string;
        readonly botToken: string;
        readonly channelIds: readonly string[];
    };
    readonly console: boolean;
}
/** A commented ferry.toml; every key is explained in docs/config.md. */
export declare function renderInitConfig(a: InitAnswers): string;
