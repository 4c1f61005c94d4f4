// Issue 25: a 1000-order batch on the embedded database while the print page (`shipdesk serve`,
// another process on the same data folder, left open) hosts it, against the same batch alone on
// a folder of its own. Both folders are new; in both the batch is a client of the folder's host
// (src/db/host/), which alone runs PGlite: started by the batch itself, or by the print page.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeasuredBatch } from "./children.ts";
import { hostOf, peakRssOfPid, stopHostOf, waitForHost } from "./host.ts";
import { ownWork } from "./own-work.ts";

export interface SharedBatch {
  alone: MeasuredBatch;
  withPage: MeasuredBatch;
  /** The print page's own process (VmHWM) at the end of the batch: it made no request meanwhile. */
  pageRssMb: number;
}

const CLI = new URL("../src/cli.ts", import.meta.url).pathname;

function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/** `bun src/cli.ts serve` in `cwd` (no settings: its data folder is `cwd/shipdesk-data`). */
function startPrintPage(cwd: string) {
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd };
  return Bun.spawn([process.execPath, CLI, "serve", "--port", String(freePort())], { cwd, env, stdin: "ignore", stdout: "ignore", stderr: "ignore" });
}

export async function sharedBatch(orders: number): Promise<SharedBatch> {
  const root = mkdtempSync(join(tmpdir(), "shipdesk-bench-shared-"));
  const aloneDir = join(root, "alone", "shipdesk-data");
  const pageCwd = join(root, "page");
  const pageDir = join(pageCwd, "shipdesk-data");
  mkdirSync(pageCwd, { recursive: true });
  try {
    const alone = await ownWork("embedded", orders, { dataDir: aloneDir });
    await stopHostOf(aloneDir);
    const page = startPrintPage(pageCwd);
    try {
      const host = await waitForHost(pageDir);
      if (!host.program.includes("serve")) throw new Error(`bench: the print page's folder is hosted by ${host.program}`);
      const withPage = await ownWork("embedded", orders, { dataDir: pageDir });
      if (withPage.host?.pid !== host.pid || hostOf(pageDir)?.pid !== host.pid) throw new Error("bench: the batch did not use the print page's host");
      return { alone, withPage, pageRssMb: peakRssOfPid(page.pid) };
    } finally {
      page.kill("SIGTERM");
      await page.exited;
      await stopHostOf(pageDir);
    }
  } finally {
    await stopHostOf(aloneDir);
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(await sharedBatch(Number(process.argv[2] ?? 1000)));
