// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
const EMOJI_PRESENTATION_SELECTOR = '\ufe0f';
// \p{M} includes the other variation selectors
const ZERO_WIDTH = /\p{M}|[\u200b-\u200f\u2060]/u;
const WIDE = /[\p{Emoji_Presentation}\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
/**
 * Columns a line takes in a terminal. An estimate (emoji and CJK count 2, marks 0): it only has
 * to be right often enough that in-place redraws move the cursor by the right number of rows.
 */
export function displayWidth(line) {
    let width = 0;
    let previous = 0;
    for (const char of line.replace(ANSI, '')) {
        let w;
        if (char === '\t')
            w = 8 - (width % 8);
        // `⚠️` is a narrow sign plus this selector, and terminals draw the pair two columns wide.
        else if (char === EMOJI_PRESENTATION_SELECTOR)
            w = previous === 1 ? 1 : 0;
        else if (ZERO_WIDTH.test(char))
            w = 0;
        else
            w = WIDE.test(char) ? 2 : 1;
        width += w;
        previous = w;
    }
    return width;
}
/** Terminal rows `text` occupies once printed with a trailing newline, wrapped at `columns`. */
export function rowsOf(text, columns) {
    let rows = 0;
    for (const line of text.split('\n'))
        rows += Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, columns)));
    return rows;
}
//# sourceMappingURL=terminal-width.js.map