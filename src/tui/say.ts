import * as p from "@clack/prompts";
import { styleText } from "node:util";
import { screenColumns, truncate, wrapWords } from "./fit.ts";

// Clack draws "│  " before each line of a message and "│  …  │" around a note: the text gets what
// is left of the terminal's width (one column spare, so a full line never wraps by itself).
const LOG_MARGIN = 4;
const NOTE_MARGIN = 7;

/** What the desk's messages get of the terminal: its width, read each time (the window may change). */
export const logWidth = (): number => screenColumns() - LOG_MARGIN;
export const noteWidth = (): number => screenColumns() - NOTE_MARGIN;

/**
 * What a picker's option (its label and hint) gets. Clack 1.9 wraps each option at the width less
 * the length of its coloured "│  " prefix, colour codes counted: measured the same way here, with
 * "◼ " and a spare column taken off, so no option is ever wrapped.
 */
export const optionWidth = (): number => screenColumns() - (styleText("cyan", p.S_BAR).length + 2) - 3;

const wrapped = (text: string) => wrapWords(text, logWidth()).join("\n");

/** p.log, every line wrapped between words to the terminal's width. */
export const say = {
  info: (text: string) => p.log.info(wrapped(text)),
  warn: (text: string) => p.log.warn(wrapped(text)),
  error: (text: string) => p.log.error(wrapped(text)),
  success: (text: string) => p.log.success(wrapped(text)),
  message: (text: string) => p.log.message(wrapped(text)),
};

/** A boxed note whose lines (a table already fitted, or sentences) and title fit the terminal. */
export function sayNote(lines: readonly string[], title: string): void {
  const width = noteWidth();
  const body = lines.flatMap((l) => wrapWords(l, width));
  p.note(body.join("\n"), truncate(title, width), { format: (line) => line });
}

/**
 * A question's text, wrapped between words here: clack wraps a long one itself, but keeps the
 * space it broke at (" 2026-12-09" under its line).
 */
export const ask = (text: string): string => wrapWords(text, screenColumns() - LOG_MARGIN).join("\n");

/** The desk's last line (clack's cancel or outro), wrapped under itself: clack writes it as it is. */
export const lastWords = (text: string): string => wrapWords(text, screenColumns() - LOG_MARGIN).join("\n   ");
