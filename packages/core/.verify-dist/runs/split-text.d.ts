/**
 * Splits text into parts no longer than `max` characters, preferring paragraph, then line,
 * then word boundaries, so a long answer arrives as readable messages.
 */
export declare function splitText(text: string, max: number): string[];
