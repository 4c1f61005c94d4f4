import type { Logger } from "../app/log.ts";

export interface Noted {
  level: "warn" | "error";
  message: string;
  orderId: string | undefined;
}

/**
 * A logger for the commands the screen reuses: every line goes to shipdesk.log as in --auto,
 * and warnings and errors are also kept so the screen can show them after the spinner.
 */
export function screenLogger(file: Logger): Logger & { take(): Noted[] } {
  let noted: Noted[] = [];
  return {
    info: (m, o) => file.info(m, o),
    warn: (m, o) => {
      file.warn(m, o);
      noted.push({ level: "warn", message: m, orderId: o });
    },
    error: (m, o) => {
      file.error(m, o);
      noted.push({ level: "error", message: m, orderId: o });
    },
    file: file.file,
    take() {
      const taken = noted;
      noted = [];
      return taken;
    },
  };
}

export const notedText = (n: Noted) => (n.orderId ? `${n.orderId}: ${n.message}` : n.message);
