// The deadline board in the desk, in a real 80-column terminal: the orders earliest deadline first
// with the time left (what is overdue or due today marked), the late-service warning, Hold, and a
// layout that fits (no box border broken, no word split by the terminal). Then status and --auto.
import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import { HttpClient } from "../../src/http/index.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { PRODUCTS } from "../../src/sandbox/bestbuy/places.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { localDay } from "../../src/common/calendar.ts";
import { dayWord } from "../../src/deadlines/index.ts";
import { carrierOf } from "../support/carriers.ts";
import { sandboxSettings } from "../support/shipping.ts";
import { tempDir } from "../support/database.ts";
import { runCli } from "../cli/run-cli.ts";
import { deskFolders, moveTo, startShipdesk, type Terminal } from "./tmux.ts";

const COLUMNS = 80;
let cp: RunningCanadaPostSandbox;
let bb: RunningBestBuySandbox;
let term: Terminal | undefined;
let xpArrives: string;
const started = Date.now();
const at = (minutes: number) => new Date(started + minutes * 60_000);
const TODAY = at(130);

/** What Canada Post's sandbox quotes for the orders' parcel (1 kg, Ottawa to Halifax) today. */
async function quotesToHalifax() {
  const dir = tempDir("deadline-quotes");
  try {
    const settings = sandboxSettings(dir.path);
    const carrier = carrierOf(settings, new HttpClient({ audit: { record: async () => {} }, sleep: async () => {} }), cp.url);
    const o = await carrier.getRates({
      orderId: "probe",
      originPostalCode: "K1A0B1",
      destinationPostalCode: "B3J1S9",
      weightKg: settings.parcel.weightKg,
      dimensionsCm: { length: settings.parcel.lengthCm, width: settings.parcel.widthCm, height: settings.parcel.heightCm },
      mailingDate: localDay(new Date()),
      services: ["DOM.RP", "DOM.EP", "DOM.XP", "DOM.PC"],
    });
    if (o.kind !== "ok") throw new Error(JSON.stringify(o));
    return new Map(o.value.map((q) => [q.serviceCode, q]));
  } finally {
    dir.remove();
  }
}

beforeAll(async () => {
  if (Bun.spawnSync(["tmux", "-V"]).exitCode !== 0) throw new Error("tmux is missing: apt-get install -y tmux");
  cp = startCanadaPostSandbox();
  const q = await quotesToHalifax();
  xpArrives = q.get("DOM.XP")!.expectedDeliveryDate!;
  expect(q.get("DOM.RP")!.expectedDeliveryDate! > xpArrives).toBe(true);
  const order = (orderId: string, shipBy: Date, deliverBy?: string) => ({
    orderId,
    address: { street_1: "1675 Lower Water Street", street_2: null, city: "Halifax", state: "NS", zip_code: "B3J 1S9" },
    lines: [{ product: PRODUCTS[0]!, quantity: 1, shippingPrice: 0 }],
    promise: { shipBy, ...(deliverBy ? { deliverBy: new Date(`${deliverBy}T23:00:00`) } : {}) },
  });
  // Best Buy lists them in this order; the desk must list them by deadline.
  bb = startBestBuySandbox({
    seed: 29,
    orders: 0,
    specialOrders: [order("DL-LATER", at(74 * 60)), order("DL-HOLD", at(50 * 60)), order("DL-TIGHT", at(26 * 60), xpArrives), order("DL-TODAY", TODAY), order("DL-OVERDUE", at(-65))],
  });
});
afterEach(() => {
  term?.close();
  term = undefined;
});
afterAll(async () => {
  await cp.stop();
  await bb.stop();
});

/** The screen with the desk's own line breaks undone ("…\n│  more" read as "… more"). */
const joined = (screen: string) => screen.replace(/\n│ {2}(?![●○◼◻])/gu, " ");

async function changeOrder(t: Terminal, orderId: string, what: string): Promise<void> {
  await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
  t.keys("Down", "Enter");
  await t.waitFor("◆  Which order?");
  await moveTo(t, orderId);
  t.keys("Enter");
  await t.waitFor(`◆  Change what for ${orderId}?`);
  await moveTo(t, what);
  t.keys("Enter");
}

/** Nothing the terminal had to wrap itself (that is where borders break and words split). */
function expectFits(t: Terminal): void {
  const joined = t.history().split("\n");
  const over = joined.filter((l) => Bun.stringWidth(l) > COLUMNS);
  expect(over).toEqual([]);
  // Every row of the review's box ends with its right border.
  const rows = t.rows();
  const top = rows.findIndex((l) => l.startsWith("◇  Orders without a label"));
  const bottom = rows.findIndex((l, i) => i > top && l.startsWith("├") && l.trimEnd().endsWith("╯"));
  expect(top).toBeGreaterThan(-1);
  expect(bottom).toBeGreaterThan(top);
  expect(rows[top]!.trimEnd()).toEndWith("╮");
  for (const l of rows.slice(top + 1, bottom)) expect(l.trimEnd()).toMatch(/^│.*│$/u);
}

test("80 columns: by deadline with the time left, the late service asked about, Hold kept across runs; status and --auto agree", async () => {
  const folders = deskFolders("deadlines");
  const env = { SHIPDESK_DATA_DIR: folders.dataDir, SHIPDESK_LABELS_DIR: folders.labelsDir, CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url };
  const t = (term = startShipdesk("deadlines", { CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: bb.url }, folders, { columns: COLUMNS, rows: 60 }));
  await t.waitFor("Orders to buy labels for", 60_000);

  // The board: earliest deadline first, each with the time left; overdue and due-today marked "!".
  const boxRows = t.rows().filter((l) => /^│ {2}[! ] {2}DL-/.test(l));
  expect(boxRows.map((l) => /DL-[A-Z]+/.exec(l)![0])).toEqual(["DL-OVERDUE", "DL-TODAY", "DL-TIGHT", "DL-HOLD", "DL-LATER"]);
  // Just after midnight the overdue order was due yesterday: the board says so.
  expect(boxRows[0]).toMatch(new RegExp(`^│ {2}! {2}DL-OVERDUE +${dayWord(at(-65), new Date())} \\d\\d:\\d\\d — overdue 1 h \\d+ min `));
  const today = dayWord(TODAY, new Date());
  expect(boxRows[1]).toMatch(new RegExp(`^│ {2}${today === "today" ? "!" : " "} {2}DL-TODAY +${today} \\d\\d:\\d\\d — 2 h (9|10) min `));
  expect(boxRows[4]).toMatch(/DL-LATER +\S+( \S+)? \d\d:\d\d — 3 d \d+ h/);
  expectFits(t);

  // Hold: out of this batch and of every run, until released.
  t.keys("Enter");
  await changeOrder(t, "DL-HOLD", "Hold");
  await t.waitFor("Order DL-HOLD is on hold: no run buys its label (--auto skips it)");
  await t.waitFor("[on hold]");

  // The service picker: each service with its price and date, LATE after Best Buy's promise.
  await changeOrder(t, "DL-TIGHT", "Service");
  const picker = await t.waitFor("◆  Canada Post service for DL-TIGHT");
  expect(joined(picker)).toContain(`◆  Canada Post service for DL-TIGHT; LATE: after Best Buy's promise, delivery by ${xpArrives}`);
  const options = picker.slice(picker.lastIndexOf("◆  Canada Post service for DL-TIGHT")).split("\n");
  const line = (code: string) => options.find((l) => l.includes(code))!;
  expect(line("DOM.RP")).toMatch(/DOM\.RP +Regular Parcel +\$\d+\.\d\d, arrives \d{4}-\d\d-\d\d +LATE$/);
  expect(line("DOM.XP")).toMatch(new RegExp(`DOM\\.XP +Xpresspost +\\$\\d+\\.\\d\\d, arrives ${xpArrives}$`));
  await moveTo(t, "DOM.RP");
  t.keys("Enter");
  const asked = await t.waitFor(/Choose it(\n│ +| )anyway\?/u);
  expect(joined(asked)).toMatch(new RegExp(`◆  DOM\\.RP \\(Regular Parcel\\) arrives \\d{4}-\\d\\d-\\d\\d, after Best Buy's promise \\(delivery by ${xpArrives}\\): the order would reach the customer late\\. Choose it anyway\\?`));
  t.keys("Enter"); // the default: no, go back
  await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
  expect(t.history()).not.toContain("Order DL-TIGHT will ship DOM.RP");
  await changeOrder(t, "DL-TIGHT", "Service");
  await t.waitFor("◆  Canada Post service for DL-TIGHT");
  await moveTo(t, "DOM.RP");
  t.keys("Enter");
  await t.waitFor(/Choose it(\n│ +| )anyway\?/u);
  t.keys("Left", "Enter");
  await t.waitFor("Order DL-TIGHT will ship DOM.RP (Regular Parcel)");
  await t.waitFor(/▲  DOM\.RP: the clerk's choice, \$\d+\.\d\d, arrives \d{4}-\d\d-\d\d, after Best Buy's/u);

  // Four labels (not the held one); tracking; the label page on another port when 8420 is taken.
  await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
  t.keys("Enter");
  await t.waitFor(/◆  Buy 4 labels for \$\d+\.\d\d \(taxes included\) from Canada Post \(SANDBOX\)\?/);
  t.keys("Enter");
  await t.waitFor("◆  Send the tracking numbers to Best Buy now", 30_000);
  t.keys("Enter");
  await t.waitFor("◆  Open the label page to print the labels?", 30_000);
  let blocker: ReturnType<typeof Bun.serve> | undefined;
  try {
    blocker = Bun.serve({ hostname: "127.0.0.1", port: 8420, fetch: () => new Response("taken") });
  } catch {
    // Already taken by another program: the same for the desk.
  }
  try {
    t.keys("Enter");
    const page = await t.waitFor("◆  Press Enter when you are done printing");
    expect(joined(page)).toMatch(/Port 8420 is in use \(another shipdesk serve, or another program\), so the label page is on port \d+ this time/);
    expect(page).toMatch(/http:\/\/127\.0\.0\.1:(?!8420\/)\d+\//);
    t.keys("Enter");
    expect(await t.exitCode(30_000)).toBe(0);
  } finally {
    await blocker?.stop(true);
  }
  expectFits(t);
  expect(cp.state.activeLabelsFor("DL-TIGHT")[0]!.serviceCode).toBe("DOM.RP");
  expect(cp.state.labelsFor("DL-HOLD")).toEqual([]);

  // status: SANDBOX, the late order in the rate, the hold.
  const status = await runCli(["status"], { env, cwd: folders.cwd });
  expect(status.stdout).toContain("SANDBOX: test servers");
  expect(status.stdout).toMatch(/Late shipments, last 30 days: 1 of 4 orders shipped \(25\.0%\)/);
  expect(status.stdout).toMatch(/ {2}DL-OVERDUE: due \d{4}-\d\d-\d\d \d\d:\d\d, shipped \d{4}-\d\d-\d\d \d\d:\d\d \(1 h \d+ min late\)/);
  expect(status.stdout).toContain("On hold (1): no run buys these until released.");
  expect(status.stdout).toMatch(/! DL-HOLD {2}ships by \S+( \S+)? \d\d:\d\d — 2 d[^;]*; on hold/);
  expect(status.stdout).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d {2}ship \(interactive\): exit 0/);
  const auto = await runCli(["--auto"], { env, cwd: folders.cwd });
  expect(auto.stdout).toContain("DL-HOLD on hold since");
  expect(auto.stdout).toContain("1 on hold (shipdesk hold ORDER --release)");
  expect(cp.state.labelsFor("DL-HOLD")).toEqual([]);
}, 180_000);

test("nothing bought and nothing waiting: neither tracking nor the label page is offered", async () => {
  const t = (term = startShipdesk("nothing", {}, deskFolders("nothing"), { columns: COLUMNS, rows: 50 }));
  await t.waitFor("Orders to buy labels for", 60_000);
  t.keys("a"); // every order out of the batch
  await t.waitFor(/◻ \d{9}-A/);
  t.keys("Enter");
  await t.waitFor("◆  Change an order's address, weight or service, or hold one, before buying?");
  t.keys("Enter");
  await t.waitFor("No orders in the batch: no labels bought.");
  expect(await t.exitCode(30_000)).toBe(0);
  expect(t.screen()).toContain("All done.");
  expect(t.history()).not.toContain("Send the tracking numbers");
  expect(t.history()).not.toContain("Open the label page");
  expectFitsAll(t);
}, 90_000);

/** Every line as the terminal shows it fits: nothing was wrapped by the terminal. */
function expectFitsAll(t: Terminal): void {
  expect(t.history().split("\n").filter((l) => Bun.stringWidth(l) > COLUMNS)).toEqual([]);
}
