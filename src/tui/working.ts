import { styleText } from "node:util";
import { screenColumns, truncate, wrapWords } from "./fit.ts";

/**
 * A spinner for work that must not be cut off by Ctrl-C. Clack's own spinner reads the keys
 * itself and, in raw mode, ends the process with exit 0 on Ctrl-C (before the labels asked for
 * are saved, and without closing the database). This one reads them here: the first Ctrl-C
 * (or SIGINT) calls `onStop` and the work goes on to a clean end; the second calls `onForce`.
 */
export interface Working {
  message(text: string): void;
  /** Ends the spinner with a line of the clack style; `tone` picks its mark. Once: later calls do nothing. */
  done(text: string, tone?: "ok" | "stopped" | "error"): void;
}

export interface WorkingOptions {
  /** Shown from the first Ctrl-C on, in place of the progress text. */
  stopText: string;
  onStop(): void;
  /** The second Ctrl-C: the caller stops at once (the next run picks up). */
  onForce(): void;
  output?: NodeJS.WriteStream;
  input?: NodeJS.ReadStream;
}

const FRAMES = ["◒", "◐", "◓", "◑"];
const CTRL_C = 0x03;

export function startWorking(text: string, options: WorkingOptions): Working {
  const out = options.output ?? process.stdout;
  const input = options.input ?? process.stdin;
  let current = text;
  let stops = 0;
  let frame = 0;
  let finished = false;
  const tty = out.isTTY === true;
  const draw = () => {
    if (!tty) return;
    // One line, never wrapped: "\r" redraws only the line the cursor is on.
    out.write(`\r\x1b[2K${styleText("magenta", FRAMES[frame++ % FRAMES.length]!)}  ${truncate(current, screenColumns(out) - 4)}`);
  };
  const ctrlC = () => {
    stops++;
    if (stops === 1) {
      current = options.stopText;
      if (!tty) out.write(`${current}\n`);
      draw();
      options.onStop();
    } else if (stops === 2) options.onForce();
  };
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (const b of bytes) if (b === CTRL_C) ctrlC();
  };
  const raw = input.isTTY === true;
  if (raw) {
    input.setRawMode(true);
    input.on("data", onData);
    input.resume();
  }
  process.on("SIGINT", ctrlC);
  out.write(`${styleText("gray", "│")}\n`);
  if (!tty) out.write(`${current}\n`);
  draw();
  const timer = setInterval(draw, 100);
  return {
    message(next) {
      if (stops === 0) current = next;
    },
    done(final, tone = "ok") {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      process.removeListener("SIGINT", ctrlC);
      if (raw) {
        input.removeListener("data", onData);
        input.setRawMode(false);
        input.pause();
      }
      const mark = tone === "ok" ? styleText("green", "◇") : tone === "stopped" ? styleText("yellow", "▲") : styleText("red", "■");
      const lines = tty ? wrapWords(final, screenColumns(out) - 4) : [final];
      out.write(`${tty ? "\r\x1b[2K" : ""}${mark}  ${lines.join(`\n${styleText("gray", "│")}  `)}\n`);
    },
  };
}
