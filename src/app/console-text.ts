// What the clerk's console can show. A Bun program on Windows switches the console to UTF-8
// (code page 65001; checked under Wine with `chcp` from a child), so bytes arrive intact, but
// cmd.exe's fonts (raster, older Consolas) lack many symbols and show a box or "?" instead.
// Latin-1 letters (é, è, ô, Î: the accented names of Quebec) are in every Windows console font
// and stay; symbols outside it become plain ASCII. Files (shipdesk.log, labels, the database)
// always keep the exact text: only the screen is touched.

const SYMBOLS: Record<string, string> = {
  "\u2026": "...", // …
  "\u2192": "->", // →
  "\u2190": "<-", // ←
  "\u2014": "-", // —
  "\u2013": "-", // –
  "\u00b7": "-", // · (Latin-1, but a raster font shows it as a speck)
  "\u00d7": "x", // ×
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u00ab": '"', // «
  "\u00bb": '"', // »
  "\u2022": "*", // •
  "\u2713": "OK", // ✓
  "\u2714": "OK",
  "\u2717": "X", // ✗
  "\u2718": "X",
  "\u0141": "L", // Ł (no mark to strip: a letter of its own)
  "\u0142": "l",
  "\u0152": "OE", // Œ
  "\u0153": "oe", // œ
  "\u00a0": " ",
  "\u202f": " ", // narrow no-break space (French typography before : and »)
};

const OUTSIDE_LATIN1 = /[^\u0000-\u00ff]/gu;
const EXTRA = /[\u00b7\u00d7\u00ab\u00bb\u00a0]/g;

/** `text` as a Windows console shows it readably: symbols in ASCII, Latin-1 letters kept. */
export function asciiSymbols(text: string): string {
  return text.replace(EXTRA, (c) => SYMBOLS[c] ?? c).replace(OUTSIDE_LATIN1, (c) => {
    const known = SYMBOLS[c];
    if (known !== undefined) return known;
    // A letter with a mark outside Latin-1 (ł, ő, ş): its base letter when it has one.
    const base = c.normalize("NFD").replace(/\p{M}/gu, "");
    return /^[\u0000-\u00ff]+$/.test(base) ? base : "?";
  });
}

export interface ConsoleKind {
  platform: NodeJS.Platform;
  isTTY: boolean | undefined;
}

/**
 * Only a Windows console needs it: a redirected stdout (a .cmd wrapper's `>> run.txt`, a pipe)
 * is a file, kept in exact UTF-8 like shipdesk.log; Linux terminals show Unicode.
 */
export function forConsole(text: string, kind: ConsoleKind): string {
  return kind.platform === "win32" && kind.isTTY ? asciiSymbols(text) : text;
}

/** Writes a line to stdout or stderr as this console can show it. */
export function writeLine(stream: NodeJS.WriteStream, text: string): void {
  stream.write(`${forConsole(text, { platform: process.platform, isTTY: stream.isTTY })}\n`);
}
