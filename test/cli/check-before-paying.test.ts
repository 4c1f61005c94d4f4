// Check before paying (issue 24, item 1): before the first label of a run is bought, the labels
// folder takes a flushed file and every service the settings, an order or a SKU name is one
// Canada Post offers for Canadian addresses; otherwise one sentence naming the setting and the
// fix, exit 2, and nothing bought: no Create Shipment in api_calls, no shipment row written.
import { describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, type Queryable } from "../../src/db/index.ts";
import { startBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { fileScene } from "../support/file-scene.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { refusalFault } from "../support/carriers.ts";
import { runCli } from "./run-cli.ts";
import byEndpointSql from "./api_calls_by_endpoint.sql" with { type: "text" };
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };
import truncateSql from "./truncate.sql" with { type: "text" };
import setOrderServiceSql from "../rates/set_order_service.sql" with { type: "text" };
import setSkuServiceSql from "../rates/set_sku_service.sql" with { type: "text" };

const scene = fileScene("before-paying", startCanadaPostSandbox);

let cases = 0;

/** A folder with a shipdesk.toml of its own (owner-only), an empty shop and a sandbox with nothing sold. */
async function shop(toml = "", orders = 3): Promise<{ cwd: string; labels: string; env: Record<string, string> }> {
  await scene.db.query(truncateSql);
  scene.cp.state.reset();
  scene.cp.faults.clear();
  const cwd = join(scene.dir, `case-${++cases}`);
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, "shipdesk.toml"), toml, { mode: 0o600 });
  await insertOrders(scene.db, Array.from({ length: orders }, (_, i) => testOrder(i, { order_id: `BP${cases}-${i}` })));
  const labels = join(cwd, "labels");
  return {
    cwd,
    labels,
    env: { DATABASE_URL: scene.url, SHIPDESK_DATA_DIR: join(cwd, "data"), SHIPDESK_LABELS_DIR: labels, CANADAPOST_BASE_URL: scene.cp.url, BESTBUY_BASE_URL: "http://127.0.0.1:9" },
  };
}

async function callsByEndpoint(db: Queryable = scene.db): Promise<Record<string, number>> {
  const rows = await db.query<{ endpoint: string; n: number }>(byEndpointSql);
  return Object.fromEntries(rows.map((r) => [r.endpoint, r.n]));
}

/** Nothing bought: no Create Shipment sent, no shipment row, nothing at the sandbox. */
async function expectNothingBought(db: Queryable = scene.db, sandbox: RunningCanadaPostSandbox | undefined = scene.cp) {
  expect((await callsByEndpoint(db)).CreateShipment).toBeUndefined();
  expect(await db.query(shipmentsSql)).toEqual([]);
  if (sandbox) expect(sandbox.state.createCount).toBe(0);
}

/** The sentence appears once, in the run's summary, and nothing looks like a stack trace. */
function expectOneSentence(output: string, sentence: RegExp) {
  expect(output.match(new RegExp(sentence.source, "g")) ?? []).toHaveLength(1);
  expect(output).toContain("nothing was bought");
  expect(output).not.toMatch(/\n\s+at /);
}

describe("a service Canada Post does not offer for a Canadian address", () => {
  test('canadapost.service = "DOM.ZZ": exit 2, one sentence naming the setting and Canada Post\'s own list, nothing bought', async () => {
    const s = await shop(`[canadapost]\nservice = "DOM.ZZ"\n`);
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(2);
    expectOneSentence(run.stdout, /Setting canadapost\.service is "DOM\.ZZ", which Canada Post does not offer for Canadian addresses \(it offers DOM\.RP Regular Parcel, DOM\.EP Expedited Parcel/);
    expect(run.stdout).toContain(`in ${join(s.cwd, "shipdesk.toml")}`);
    await expectNothingBought();
    // Canada Post's list was asked once, and the label calls never started (not even a quote).
    const calls = await callsByEndpoint();
    expect(calls.GetServices).toBe(1);
    expect(calls.GetRates).toBeUndefined();
  }, 30_000);

  test("a code in canadapost.services that Canada Post's own list lacks (a contract without Xpresspost) is refused, though it is a published code", async () => {
    const narrow = startCanadaPostSandbox({ domesticServices: ["DOM.RP", "DOM.EP"] });
    try {
      const s = await shop();
      const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: { ...s.env, CANADAPOST_BASE_URL: narrow.url } });
      expect(run.code).toBe(2);
      expectOneSentence(run.stdout, /Setting canadapost\.services names "DOM\.XP", which Canada Post does not offer for Canadian addresses \(it offers DOM\.RP Regular Parcel, DOM\.EP Expedited Parcel\)/);
      await expectNothingBought(scene.db, narrow);
    } finally {
      await narrow.stop();
    }
  }, 30_000);

  test("a code only Canada Post's own list has (new since the published list) is bought with", async () => {
    const wide = startCanadaPostSandbox({ domesticServices: ["DOM.RP", "DOM.EP", "DOM.XP", "DOM.XS"] });
    try {
      const s = await shop(`[canadapost]\nservice = "DOM.XS"\n`, 2);
      const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: { ...s.env, CANADAPOST_BASE_URL: wide.url } });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      expect(wide.state.createCount).toBe(2);
      expect([...wide.state.shipments.values()].map((x) => x.serviceCode)).toEqual(["DOM.XS", "DOM.XS"]);
    } finally {
      await wide.stop();
    }
  }, 30_000);

  test("when Canada Post's list cannot be had (5xx), the published codes stand in: DOM.ZZ is still refused, a good setting still ships, and the log says which list", async () => {
    const bad = await shop(`[canadapost]\nfallback_service = "DOM.ZZ"\n`);
    scene.cp.faults.inject("GetServices", { kind: "status", status: 503 }, 3);
    const refused = await runCli(["ship", "--auto"], { cwd: bad.cwd, env: bad.env });
    expect(refused.code).toBe(2);
    expectOneSentence(refused.stdout, /Setting canadapost\.fallback_service is "DOM\.ZZ", which is not one of Canada Post's service codes for Canadian addresses \(its own list could not be had; the published codes are DOM\.RP Regular Parcel/);
    expect(refused.stdout).toContain("the services were checked against the published codes instead");
    await expectNothingBought();

    const good = await shop(`[canadapost]\nfallback_service = "DOM.XP"\n`, 2);
    scene.cp.faults.inject("GetServices", { kind: "status", status: 503 }, 3);
    const shipped = await runCli(["ship", "--auto"], { cwd: good.cwd, env: good.env });
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toContain("the services were checked against the published codes instead");
    expect(scene.cp.state.createCount).toBe(2);
  }, 30_000);

  test("Canada Post throttling the list (Rejected by SLM Monitor): not waited on, the published codes stand in, the labels are bought", async () => {
    const s = await shop("", 2);
    // Ten minutes asked for: a run that waited them out would never end inside this test.
    scene.cp.faults.inject("GetServices", { kind: "throttle", retryAfterSeconds: 600 });
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Canada Post's list of services could not be had (Canada Post GetServices: HTTP 503: Server Rejected by SLM Monitor");
    expect(scene.cp.state.createCount).toBe(2);
    expect((await callsByEndpoint()).GetServices).toBe(1);
  }, 30_000);

  test("an order's own service (stored by the review screen) and a SKU's preset are checked too, each named with its fix", async () => {
    const s = await shop();
    await scene.db.query(setOrderServiceSql, [`BP${cases}-1`, "USA.EP"]);
    const order = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(order.code).toBe(2);
    expectOneSentence(order.stdout, new RegExp(`Order BP${cases}-1's service "USA\\.EP" \\(chosen for it in the review screen\\), which Canada Post does not offer for Canadian addresses`));
    expect(order.stdout).toContain("choose another for it in the desk's review screen");
    await expectNothingBought();

    const k = await shop();
    await scene.db.query(setSkuServiceSql, ["SKU-2", "DOM.ZZ"]);
    const sku = await runCli(["ship", "--auto"], { cwd: k.cwd, env: k.env });
    expect(sku.code).toBe(2);
    expectOneSentence(sku.stdout, new RegExp(`The preset service "DOM\\.ZZ" of SKU SKU-2 \\(order BP${cases}-2\\)`));
    await expectNothingBought();
  }, 30_000);

  test("a run with nothing to buy does not ask Canada Post for its list (and so says nothing of a bad service yet)", async () => {
    const s = await shop(`[canadapost]\nservice = "DOM.ZZ"\n`, 0);
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(0);
    expect(await callsByEndpoint()).toEqual({});
  }, 30_000);
});

describe("the labels folder cannot take a label", () => {
  test("a file where the labels folder should be: ship stops before buying, one sentence naming labels_dir, no shipment row", async () => {
    const s = await shop("", 8);
    writeFileSync(s.labels, "not a folder");
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(2);
    expectOneSentence(run.stdout, new RegExp(`The labels folder ${s.labels} is a file, not a folder; move that file away, or point the environment variable SHIPDESK_LABELS_DIR at a folder`));
    await expectNothingBought();
    // Not even Canada Post's list was asked: the folder is checked first.
    expect(await callsByEndpoint()).toEqual({});
  }, 30_000);

  test("--auto: the same sentence; orders are still synced and the exit code is 2", async () => {
    const s = await shop("", 0);
    const bb = startBestBuySandbox({ orders: 3, seed: 41 });
    try {
      const folder = join(s.cwd, "labels-file");
      writeFileSync(folder, "");
      writeFileSync(join(s.cwd, "shipdesk.toml"), `labels_dir = "labels-file"\n`, { mode: 0o600 });
      const env: Record<string, string> = { ...s.env, BESTBUY_BASE_URL: bb.url };
      delete env.SHIPDESK_LABELS_DIR;
      const run = await runCli(["--auto"], { cwd: s.cwd, env });
      expect(run.code).toBe(2);
      expect(run.stdout).toContain("orders: 3 new");
      expectOneSentence(run.stdout, new RegExp(`The labels folder ${folder} is a file, not a folder; move that file away, or point labels_dir in ${join(s.cwd, "shipdesk.toml")} at a folder`));
      await expectNothingBought();
    } finally {
      await bb.stop();
    }
  }, 30_000);

  test("ship --retry after a refusal: the folder is checked before the new attempt is bought", async () => {
    const s = await shop("", 1);
    const orderId = `BP${cases}-0`;
    scene.cp.faults.inject("CreateShipment", refusalFault("1153", "The destination postal code is invalid."));
    expect((await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env })).code).toBe(1);
    expect(scene.cp.state.createCount).toBe(0);
    writeFileSync(s.labels + "-file", "");
    const run = await runCli(["ship", "--retry", orderId], { cwd: s.cwd, env: { ...s.env, SHIPDESK_LABELS_DIR: s.labels + "-file" } });
    expect(run.code).toBe(2);
    expectOneSentence(run.stdout, /The labels folder \S+-file is a file, not a folder/);
    expect((await callsByEndpoint()).CreateShipment).toBe(1); // the refused one, from the first run
    expect(scene.cp.state.createCount).toBe(0);
    const [row] = await scene.db.query<{ status: string; create_attempt: number }>(shipmentsSql);
    expect(row).toMatchObject({ status: "label_failed", create_attempt: 1 });
  }, 30_000);
});

describe("the account's settings", () => {
  test("the sender's province must agree with its postal code: exit 2 naming canadapost.sender.province, nothing bought", async () => {
    const toml = `[canadapost.sender]\ncompany = "Northwind"\nphone = "613-555-0142"\naddress_line_1 = "2701 Riverside Dr"\ncity = "Ottawa"\nprovince = "QC"\npostal_code = "K1A 0B1"\n`;
    const s = await shop(toml);
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Setting canadapost.sender.province is QC but the sender's postal code K1A 0B1 is in Ontario (ON); correct province or postal_code under [canadapost.sender] in ${join(s.cwd, "shipdesk.toml")}, so the labels' return address is right.`,
    );
    await expectNothingBought();
    expect(await callsByEndpoint()).toEqual({});
  }, 30_000);

  test("a contract id longer than Canada Post's 10 digits, or all zeros, is refused at start-up", async () => {
    const s = await shop(`[canadapost]\ncontract_id = "00400123456"\n`);
    const long = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("Setting canadapost.contract_id must be your Canada Post contract number: 1 to 10 digits");
    writeFileSync(join(s.cwd, "shipdesk.toml"), `[canadapost]\ncustomer_number = "0000000000"\n`, { mode: 0o600 });
    const zeros = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(zeros.code).toBe(2);
    expect(zeros.stderr).toContain("Setting canadapost.customer_number is all zeros");
    await expectNothingBought();
  }, 30_000);
});

describe("a settings file saved as Windows \"ANSI\" (Latin-1)", () => {
  const sender = (city: string) =>
    `[canadapost.sender]\ncompany = "Northwind"\nphone = "514-555-0142"\naddress_line_1 = "1000 rue Sherbrooke O"\ncity = "${city}"\nprovince = "QC"\npostal_code = "H3A 3G4"\n`;

  test("is refused with one sentence naming the line and saying to save it as UTF-8; nothing is read, nothing bought", async () => {
    const s = await shop();
    const toml = join(s.cwd, "shipdesk.toml");
    writeFileSync(toml, Buffer.from(`# the shop\n${sender("Montréal")}`, "latin1"), { mode: 0o600 });
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `The settings file ${toml} is not saved as UTF-8 (line 6: city = "Montr?al"); open it in Notepad, choose File > Save As with Encoding "UTF-8", and run shipdesk again.`,
    );
    expect(run.stdout).toBe("");
    await expectNothingBought();
    expect(await callsByEndpoint()).toEqual({});
  }, 30_000);

  test("a secret's line is named by its key, never its value", async () => {
    const s = await shop();
    writeFileSync(join(s.cwd, "shipdesk.toml"), Buffer.from(`[canadapost]\npassword = "pâssword-secret"\n`, "latin1"), { mode: 0o600 });
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("(line 2: password = …)");
    expect(run.stderr).not.toContain("ssword-secret");
  }, 30_000);

  test("saved as UTF-8 (with Notepad's byte-order mark too), Montréal reaches Canada Post as Montréal", async () => {
    const s = await shop("", 1);
    writeFileSync(join(s.cwd, "shipdesk.toml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sender("Montréal"), "utf8")]), { mode: 0o600 });
    const run = await runCli(["ship", "--auto"], { cwd: s.cwd, env: s.env });
    expect(run.code).toBe(0);
    const [request] = [...scene.cp.state.requests.values()] as any[];
    expect(request["delivery-spec"].sender["address-details"].city).toBe("Montréal");
  }, 30_000);
});

describe("sandbox mode as a new user runs it: built-in sandboxes, the embedded database", () => {
  async function embeddedCalls(dataDir: string) {
    const db = await openDatabase({ dataDir });
    try {
      return { calls: await callsByEndpoint(db), shipments: await db.query<{ status: string }>(shipmentsSql) };
    } finally {
      await db.close();
    }
  }

  test("the README's own customer_number and contract_id: every label bought, exit 0", async () => {
    const cwd = join(scene.dir, "readme-example");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "shipdesk.toml"), `[canadapost]\ncustomer_number = "0001234567"  # (CANADAPOST_CUSTOMER_NUMBER)\ncontract_id = "0040012345"    # (CANADAPOST_CONTRACT_ID)\n`, { mode: 0o600 });
    const run = await runCli(["--auto"], { cwd, env: {} });
    expect(run.stdout).not.toContain("2550");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("labels: 8 label(s) bought");
    const { shipments } = await embeddedCalls(join(cwd, "shipdesk-data"));
    expect(shipments.map((r) => r.status)).toEqual(Array(8).fill("tracking_updated"));
  }, 60_000);

  test('canadapost.service = "DOM.ZZ": exit 2 at once, not 8 refused labels', async () => {
    const cwd = join(scene.dir, "dom-zz");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "shipdesk.toml"), `[canadapost]\nservice = "DOM.ZZ"\n`, { mode: 0o600 });
    const run = await runCli(["--auto"], { cwd, env: {} });
    expect(run.code).toBe(2);
    expectOneSentence(run.stdout, /Setting canadapost\.service is "DOM\.ZZ", which Canada Post does not offer for Canadian addresses \(it offers /);
    const { calls, shipments } = await embeddedCalls(join(cwd, "shipdesk-data"));
    expect(shipments).toEqual([]);
    expect(calls.CreateShipment).toBeUndefined();
    expect(calls.GetServices).toBe(1);
  }, 60_000);
});
