/**
 * Columns a line takes in a terminal. An estimate (emoji and CJK count 2, marks 0): it only has
 * to be right often enough that in-place redraws move the cursor by the right number of rows.
 */
export declare function displayWidth(line: string): number;
/** Terminal rows `text` occupies once printed with a trailing newline, wrapped at `columns`. */
export declare function rowsOf(text: string, columns: number): number;
