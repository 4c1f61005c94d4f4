import { startPrintServer } from "../../server/index.ts";
import { refetchLabel } from "../../shipping/index.ts";
import type { App } from "../app.ts";
import { UsageError } from "../args.ts";

export const DEFAULT_PORT = 8420;

/** The print page, until the clerk presses Ctrl-C (or the returned stop is called). */
export function startPrintPage(app: App, port: number | undefined) {
  return startPrintServer(
    {
      db: app.db,
      labelsDir: app.settings.labelsDir,
      mode: app.settings.mode,
      refetchLabel: (id) => refetchLabel(app.shippingDeps(), id),
    },
    { port: port ?? DEFAULT_PORT },
  );
}

export async function serveCommand(app: App, port: number | undefined, print: (line: string) => void): Promise<void> {
  let server: ReturnType<typeof startPrintPage>;
  try {
    server = startPrintPage(app, port);
  } catch (error) {
    if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
    const taken = port ?? DEFAULT_PORT;
    throw new UsageError(
      `Port ${taken} is already in use (perhaps by another shipdesk serve: try http://127.0.0.1:${taken}/ in the browser); or start this one on another port with shipdesk serve --port ${taken + 1}.`,
    );
  }
  print(`The label page is at ${server.url}/ : open it in the browser to print. Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.stop();
}
