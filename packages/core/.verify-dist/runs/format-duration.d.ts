/** `850 ms`, `12 s`, `3 min 05 s`, `2 h 04 min`: short enough for a footer. */
export declare function formatDuration(ms: number): string;
