import type { PrintOutcome } from "./outcome.ts";

/** A setting the sentence names, with the file it is in. */
export interface Where {
  file: string;
}

/** Bytes the printer has not taken within this long: it is not answering. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Once every byte is written, how long the printer has to close the connection before the job counts as taken anyway. */
const FLUSH_TIMEOUT_MS = 3_000;

/** What the clerk is told when the Zebra cannot be reached, by the system's error code. */
function unreachable(host: string, port: number, code: string | undefined, where: Where, ms: number): PrintOutcome {
  const at = `${host}:${port}`;
  const fix = `check that the printer is on and connected, and that printer.host and printer.port in ${where.file} are its address (the printer's network configuration label shows it)`;
  const said =
    code === "ECONNREFUSED"
      ? `The printer at ${at} refused the connection (nothing listens on port ${port})`
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `There is no printer named ${host} on the network`
        : code === "EHOSTUNREACH" || code === "ENETUNREACH"
          ? `The printer at ${at} cannot be reached from this computer`
          : `The printer at ${at} did not answer`;
  return { kind: "not-sent", sentence: `${said}; ${fix}. The label is not printed and waits for the next run or the label page.`, detail: code ?? "timeout", cause: "unreachable", ms };
}

/**
 * Sends one job to a network Zebra's raw port (9100), as every networked Zebra takes it: one
 * connection, the bytes, an orderly close. Accepted once every byte is written and the
 * connection closed cleanly; a connection that breaks after bytes went out is in doubt.
 */
export function sendRaw(host: string, port: number, bytes: Uint8Array, where: Where, timeoutMs = CONNECT_TIMEOUT_MS): Promise<PrintOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise<PrintOutcome>((resolve) => {
    let written = 0;
    let settled = false;
    const finish = (o: PrintOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const broken = (detail: string) =>
      written === 0
        ? unreachable(host, port, detail, where, ms())
        : ({
            kind: "in-doubt",
            sentence: `The connection to the printer at ${host}:${port} broke after ${written} of ${bytes.byteLength} bytes were sent, so the label may or may not have printed; look at the printer before printing it again.`,
            detail,
            ms: ms(),
          } as const);
    let timer = setTimeout(() => finish(unreachable(host, port, undefined, where, ms())), timeoutMs);
    const pump = (socket: { write(b: Uint8Array): number; end(): void }) => {
      while (written < bytes.byteLength) {
        const n = socket.write(bytes.subarray(written));
        if (n <= 0) return;
        written += n;
      }
      socket.end();
    };
    Bun.connect({
      hostname: host,
      port,
      socket: {
        open(socket) {
          // Connected: now the job has its own while to go out whole.
          clearTimeout(timer);
          timer = setTimeout(
            () => finish(written === bytes.byteLength ? { kind: "accepted", answered: `the printer at ${host}:${port} took ${bytes.byteLength} bytes`, ms: ms() } : broken("timeout")),
            FLUSH_TIMEOUT_MS,
          );
          pump(socket);
        },
        drain(socket) {
          pump(socket);
        },
        data() {},
        close() {
          if (written === bytes.byteLength) finish({ kind: "accepted", answered: `the printer at ${host}:${port} took ${bytes.byteLength} bytes`, ms: ms() });
          else finish(broken("closed"));
        },
        error(_socket, error) {
          finish(broken((error as { code?: string }).code ?? error.message));
        },
        connectError(_socket, error) {
          finish(unreachable(host, port, (error as { code?: string }).code, where, ms()));
        },
      },
    }).catch((error: { code?: string }) => finish(unreachable(host, port, error.code, where, ms())));
  });
}

/** A Zebra's answer to ~HS (host status), in words; undefined when it did not answer. */
export async function hostStatus(host: string, port: number, waitMs = 2_000): Promise<string | undefined> {
  let text = "";
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (socket?: { end(): void }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket?.end();
      resolve(text.includes("\u0003") ? describeHostStatus(text) : undefined);
    };
    const timer = setTimeout(() => finish(), waitMs);
    Bun.connect({
      hostname: host,
      port,
      socket: {
        open(socket) {
          socket.write("~HS");
        },
        data(socket, data) {
          text += data.toString("latin1");
          if ((text.match(/\u0003/g) ?? []).length >= 3) finish(socket);
        },
        close: () => finish(),
        error: () => finish(),
        connectError: () => finish(),
      },
    }).catch(() => finish());
  });
}

/**
 * ~HS's three strings (Zebra's ZPL manual): string 1's second and third fields are the paper-out
 * and pause flags, string 2's third the head-open flag.
 */
export function describeHostStatus(text: string): string {
  const groups = [...text.matchAll(/\u0002([^\u0003]*)\u0003/g)].map((m) => m[1]!.split(","));
  const flag = (g: number, f: number) => groups[g]?.[f]?.trim() === "1";
  const said = [flag(0, 1) ? "paper out" : "paper in", flag(0, 2) ? "paused" : "not paused", flag(1, 2) ? "head open" : "head closed"];
  return said.join(", ");
}
