// The desk in a real terminal while the print page is open in another process, on the same
// embedded data folder (sandbox mode, no settings file): the desk buys its batch, the page lists it.
import { afterEach, expect, test } from "bun:test";
import { spawnCli } from "../cli/run-cli.ts";
import { deskFolders, startShipdesk, type Terminal } from "./tmux.ts";
import { freePort } from "../support/throwaway-cluster.ts";

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

test("the desk completes a batch while the print page is open in another process", async () => {
  const folders = deskFolders("desk-page");
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { SHIPDESK_DATA_DIR: folders.dataDir, SHIPDESK_LABELS_DIR: folders.labelsDir, LANG: "C.UTF-8" };
  const serve = spawnCli(["serve", "--port", String(port)], { cwd: folders.cwd, env });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${url}/status`).then((r) => r.ok, () => false)) break;
      if (i > 600) throw new Error("the print page never answered");
      await Bun.sleep(50);
    }
    const t = (term = startShipdesk("desk-page", {}, folders));
    await t.waitFor("Orders to buy labels for", 30_000);
    t.keys("Enter");
    await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
    t.keys("Enter");
    await t.waitFor(/◆  Buy 8 labels for \$\d+\.\d\d/);
    t.keys("Enter");
    const done = await t.waitFor("◆  Send the tracking numbers to Best Buy now", 30_000);
    expect(done).toContain("8 label(s) bought and saved: ");
    const page = await (await fetch(`${url}/`)).text();
    const ids = /8 label\(s\) bought and saved: ([^\n│]+)/.exec(done)![1]!.trim().replace(/\.$/, "").split(/,\s*/);
    expect(ids.length).toBe(8);
    for (const id of ids) expect(page).toContain(id);
  } finally {
    serve.kill();
    await serve.done;
  }
}, 120_000);
