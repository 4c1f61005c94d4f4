// Text wrapped between words to a width, as a person reads it on a screen (the desk, --help).
// No imports: --help uses it before anything else of the program is loaded.

/** Columns as a terminal shows the text (accents one column, colour codes none). */
export const textWidth = (text: string): number => Bun.stringWidth(text);

/** A word longer than the whole line (a path, a URL) is the one thing cut, at the line's width. */
function splitLong(word: string, width: number): string[] {
  const parts: string[] = [];
  let part = "";
  for (const ch of word) {
    if (textWidth(part + ch) > width) {
      parts.push(part);
      part = "";
    }
    part += ch;
  }
  return [...parts, part];
}

/**
 * Each line of `text` wrapped at `width` columns between words; a continuation keeps the line's
 * own indent (and two more when the line starts a list item "- " or "! ").
 */
export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (textWidth(line) <= width) {
      out.push(line);
      continue;
    }
    const indent = /^\s*/.exec(line)![0];
    const hang = indent + (/^\s*[-!*] /.test(line) ? "  " : "");
    let current = indent;
    for (const word of line.slice(indent.length).split(/ +/)) {
      const lead = current.trim() === "" ? current : `${current} `;
      if (textWidth(lead + word) <= width) current = lead + word;
      else if (current.trim() === "") {
        const parts = splitLong(word, width - textWidth(current));
        out.push(...parts.slice(0, -1).map((p) => current + p));
        current = hang + parts.at(-1)!;
      } else {
        out.push(current);
        const room = width - textWidth(hang);
        const parts = textWidth(word) > room ? splitLong(word, room) : [word];
        out.push(...parts.slice(0, -1).map((p) => hang + p));
        current = hang + parts.at(-1)!;
      }
    }
    out.push(current);
  }
  return out;
}
