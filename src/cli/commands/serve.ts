import type { App } from "../../app/app.ts";
import { DEFAULT_PORT, startPrintPage } from "../../app/commands/print-page.ts";
import type { Logger } from "../../app/log.ts";
import { UsageError } from "../args.ts";

export async function serveCommand(app: App, port: number | undefined, print: (line: string) => void, log: Logger): Promise<void> {
  let server: ReturnType<typeof startPrintPage>;
  try {
    server = startPrintPage(app, port, log);
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
