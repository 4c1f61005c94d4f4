// build/shipdesk.exe under Wine, the way the clerk and Task Scheduler run it. Slow (it builds the
// .exe and may install Wine), so only `bun run test:windows` runs it (SHIPDESK_WINE=1).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { version } from "../../package.json" with { type: "json" };
import postgres from "postgres";
import { openDatabase } from "../../src/db/index.ts";
import { isConnectionFailure } from "../../src/db/errors.ts";
import { HOST_FILE } from "../../src/db/host/file.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { sharedFolderOnWindows } from "./shared-folder.ts";
import { linuxPath, prepareProgram, runWine, runWineInConsole, startWine, windowsHostFile, type WineRun } from "./wine.ts";

const PROGRAM_DIR = "C:\\shipdesk test";
const USER_DIR = `C:\\users\\${userInfo().username}`;
const DATA_DIR = `${USER_DIR}\\Shipping Desk\\data`;
const DEMO_DIR = `${USER_DIR}\\Demo Folder`;
const LABELS_DIR = "C:\\Labels Folder";
// Task Scheduler starts a task in C:\Windows\System32 unless told otherwise.
const SYSTEM32 = linuxPath("C:\\windows\\system32");
const CREATED = [PROGRAM_DIR, `${USER_DIR}\\Shipping Desk`, DEMO_DIR, LABELS_DIR];

let exe = "";
let cp: RunningCanadaPostSandbox | undefined;
let bb: RunningBestBuySandbox | undefined;
const timings: string[] = [];
const timed = (what: string, run: WineRun) => {
  timings.push(`${what}: ${(run.ms / 1000).toFixed(1)} s${run.rssMb ? `, peak ${run.rssMb.toFixed(0)} MB resident` : ""}`);
  return run;
};
const pdfsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : []);
const isPdf = (file: string) => readFileSync(file).subarray(0, 5).toString("latin1") === "%PDF-";
/** The Windows host of a folder exits once idle; only then may this (Linux) process open it. */
const windowsHostGone = async (folder: string) => {
  const deadline = Date.now() + 90_000;
  while (existsSync(join(folder, HOST_FILE)) && Date.now() < deadline) await Bun.sleep(250);
};
const clean = () => {
  for (const dir of CREATED) rmSync(linuxPath(dir), { recursive: true, force: true });
};

describe.skipIf(!process.env.SHIPDESK_WINE)("shipdesk.exe under Wine", () => {
  beforeAll(async () => {
    clean();
    const prepared = await prepareProgram(PROGRAM_DIR);
    exe = prepared.exe;
    timings.push(`build .exe: ${(prepared.buildMs / 1000).toFixed(1)} s`, `wine setup: ${(prepared.setupMs / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(async () => {
    await cp?.stop();
    await bb?.stop();
    clean();
    console.log(`Windows run under Wine:\n  ${timings.join("\n  ")}`);
  });

  test("--version and --help", async () => {
    // Measured too: what Wine and the Bun runtime take before shipdesk does anything.
    const v = timed("--version", await runWine(exe, ["--version"], { cwd: SYSTEM32, measure: true }));
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(`shipdesk ${version}`);

    const help = await runWine(exe, ["--help"], { cwd: SYSTEM32 });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("shipdesk --auto");
    expect(help.stdout).toContain("Exit codes:");
    // Redirected to a file or a pipe, the text is exact UTF-8 (like shipdesk.log).
    expect(help.stdout).toContain("[--retry ORDER …]");

    // In a console (cmd.exe) the symbols its fonts lack are plain ASCII.
    const shown = runWineInConsole(exe, ["ship", "--help"], SYSTEM32);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("[--retry ORDER ...]");
    expect(shown.stdout).not.toContain("…");
  }, 60_000);

  test("migrate: the first run starts from the database shipped in the .exe (no initdb), in a folder with a space, from System32", async () => {
    const env = { SHIPDESK_DATA_DIR: DATA_DIR };
    const first = timed("migrate (new embedded database: the shipped copy)", await runWine(exe, ["migrate"], { cwd: SYSTEM32, env, measure: true }));
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    // Already migrated when it arrives: an initdb'd database would have needed every migration.
    const made = `embedded PostgreSQL in ${DATA_DIR}\\db: new database, copied from the one shipped in shipdesk (version`;
    expect(first.stdout).toContain(made);
    expect(first.stdout).not.toContain("applied");
    expect(existsSync(join(linuxPath(DATA_DIR), "db", "PG_VERSION"))).toBe(true);
    expect(existsSync(join(linuxPath(DATA_DIR), "db", "shipdesk-restore-in-progress"))).toBe(false);
    // The lock is the folder's database host's, which stays a while for the next shipdesk.
    const lock = join(linuxPath(DATA_DIR), "db", "shipdesk.lock");
    if (existsSync(lock)) {
      expect((JSON.parse(readFileSync(lock, "utf8")) as { pid: number }).pid).toBe(windowsHostFile(join(linuxPath(DATA_DIR), "db"))!.pid);
    }
    expect(readFileSync(join(linuxPath(DATA_DIR), "shipdesk.log"), "utf8")).toContain("new database, copied from the one shipped in shipdesk");

    const again = timed("migrate (reopen)", await runWine(exe, ["migrate"], { cwd: SYSTEM32, env, measure: true }));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("schema already up to date");
    timed("status (existing embedded database)", await runWine(exe, ["status"], { cwd: SYSTEM32, env, measure: true }));
  }, 120_000);

  test("a half-written data folder is refused with one sentence and left as it was", async () => {
    const dataDir = `${USER_DIR}\\Shipping Desk\\half`;
    const db = join(linuxPath(dataDir), "db");
    mkdirSync(join(db, "base"), { recursive: true });
    writeFileSync(join(db, "postgresql.conf"), "# cut short\n");
    const refused = await runWine(exe, ["status"], { cwd: SYSTEM32, env: { SHIPDESK_DATA_DIR: dataDir } });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain(`The embedded database in ${dataDir}\\db is damaged or half-written (PG_VERSION is missing): restore the folder from a backup, or rename it`);
    expect(readdirSync(db).sort()).toEqual(["base", "postgresql.conf"]);
    expect(readFileSync(join(db, "postgresql.conf"), "utf8")).toBe("# cut short\n");
  }, 60_000);

  test("demo end to end: labels in the working folder, exit 0", async () => {
    const dir = linuxPath(DEMO_DIR);
    require("node:fs").mkdirSync(dir, { recursive: true });
    const demo = timed("demo (empty folder)", await runWine(exe, ["demo"], { cwd: dir, measure: true }));
    expect(demo.stderr).toBe("");
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("SANDBOX DEMO finished");
    expect(demo.stdout).toMatch(/labels: \d+ label\(s\) bought/);
    expect(demo.stdout).toContain(`Labels saved in ${DEMO_DIR}\\labels`);
    // The throwaway database is gone (Bun's recursive delete fails under Wine; file by file works).
    expect(demo.stdout).not.toContain("could not be deleted");
    const kept = /embedded PostgreSQL in (\S+)\\db;/.exec(demo.stdout)?.[1];
    expect(kept).toMatch(/^C:\\users\\.*\\Temp\\shipdesk-demo-/);
    expect(existsSync(linuxPath(kept!))).toBe(false);
    const pdfs = pdfsIn(join(dir, "labels"));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const pdf of pdfs) expect(isPdf(join(dir, "labels", pdf))).toBe(true);
  }, 120_000);

  test("--auto from System32 with no settings: in-process sandboxes, data and labels beside the .exe", async () => {
    const auto = timed("--auto (in-process sandboxes, new database)", await runWine(exe, ["--auto"], { cwd: SYSTEM32, measure: true }));
    expect(auto.stderr).toBe("");
    expect(auto.code).toBe(0);
    expect(auto.stdout).toContain(`embedded PostgreSQL in ${PROGRAM_DIR}\\shipdesk-data\\db`);
    const summary = auto.stdout.trim().split("\n").at(-1)!;
    expect(summary).toMatch(/summary: orders: \d+ new.*labels: \d+ label\(s\) bought.*\(exit 0\)$/);
    const program = linuxPath(PROGRAM_DIR);
    expect(readFileSync(join(program, "shipdesk-data", "shipdesk.log"), "utf8")).toContain(summary.slice(summary.indexOf("summary:")));
    const pdfs = pdfsIn(join(program, "labels"));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const pdf of pdfs) expect(isPdf(join(program, "labels", pdf))).toBe(true);
    // Nothing lands in the scheduler's working folder.
    expect(existsSync(join(SYSTEM32, "shipdesk-data"))).toBe(false);
    expect(existsSync(join(SYSTEM32, "labels"))).toBe(false);
  }, 120_000);

  describe("with shipdesk.toml beside the .exe", () => {
    const ODD_ORDER = "WIN:1/2*-A"; // characters Windows forbids in a file name
    const QUEBEC_ORDER = "WIN-MTL-A";

    beforeAll(() => {
      cp = startCanadaPostSandbox();
      bb = startBestBuySandbox({
        orders: 2,
        seed: 41,
        specialOrders: [
          { orderId: ODD_ORDER },
          { orderId: QUEBEC_ORDER, firstname: "Amélie", lastname: "Côté", address: { city: "Montréal", state: "QC", zip_code: "H2X 1Y4" } },
        ],
      });
      // Written as the clerk would in Notepad: drive letters, backslashes, a space, accents.
      const toml = [
        `mode = "sandbox"`,
        `data_dir = 'data'`,
        `labels_dir = '${LABELS_DIR}'`,
        `[canadapost]`,
        `base_url = "${cp.url}"`,
        `[canadapost.sender]`,
        `company = "Atelier Boréal"`,
        `name = "Shipping Desk"`,
        `phone = "613-555-0142"`,
        `address_line_1 = "2701 Riverside Dr"`,
        `city = "Ottawa"`,
        `province = "ON"`,
        `postal_code = "K1A 0B1"`,
        `[bestbuy]`,
        `base_url = "${bb.url}"`,
      ].join("\r\n");
      writeFileSync(join(linuxPath(PROGRAM_DIR), "shipdesk.toml"), `${toml}\r\n`);
    });

    test("sync and ship find the settings beside the .exe; labels in C:\\Labels Folder, the log in data\\", async () => {
      const sync = timed("orders sync (settings beside the .exe, new database)", await runWine(exe, ["orders", "sync"], { cwd: SYSTEM32 }));
      expect(sync.stderr).toBe("");
      expect(sync.code).toBe(0);
      expect(sync.stdout).toContain(`embedded PostgreSQL in ${PROGRAM_DIR}\\data\\db`);
      const ship = timed("ship", await runWine(exe, ["ship"], { cwd: SYSTEM32 }));
      expect(ship.stderr).toBe("");
      expect(ship.code).toBe(0);
      expect(ship.stdout).toContain("labels: 4 label(s) bought");
      const labels = linuxPath(LABELS_DIR);
      const pdfs = pdfsIn(labels);
      expect(pdfs).toHaveLength(4);
      for (const pdf of pdfs) expect(isPdf(join(labels, pdf))).toBe(true);
      expect(pdfs.some((f) => f.startsWith("label-WIN_1_2_-A-"))).toBe(true);
      expect(readFileSync(join(linuxPath(PROGRAM_DIR), "data", "shipdesk.log"), "utf8")).toContain("labels: 4 label(s) bought");
    }, 120_000);

    test("a damaged label is saved again over the old file (temp file renamed onto an existing one)", async () => {
      const labels = linuxPath(LABELS_DIR);
      const target = join(labels, pdfsIn(labels).find((f) => f.includes(QUEBEC_ORDER))!);
      writeFileSync(target, "not a PDF any more");
      const ship = timed("ship (re-save a damaged label)", await runWine(exe, ["ship"], { cwd: SYSTEM32 }));
      expect(ship.stderr).toBe("");
      expect(ship.code).toBe(0);
      expect(isPdf(target)).toBe(true);
      expect(readdirSync(labels).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      expect(cp!.state.labelsFor(QUEBEC_ORDER)).toHaveLength(1); // downloaded again, not bought again
    }, 120_000);

    test("--auto pushes the tracking and ends with exit 0", async () => {
      const auto = timed("--auto (settings beside the .exe)", await runWine(exe, ["--auto"], { cwd: SYSTEM32 }));
      expect(auto.stderr).toBe("");
      expect(auto.code).toBe(0);
      expect(auto.stdout.trim().split("\n").at(-1)).toMatch(/summary: .*tracking: 4 order\(s\) shipped at Best Buy(; parcels: [^;]*)? \(exit 0\)$/);
    }, 120_000);

    test("Ctrl-C during --auto: the run ends with exit 3, its connections to the folder's host closed", async () => {
      // Best Buy that never answers: the run is certainly mid-way when Ctrl-C comes.
      const silent = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Promise<Response>(() => {}) });
      try {
        const env = { BESTBUY_BASE_URL: silent.url.origin };
        const started = performance.now();
        const child = startWine(exe, ["--auto"], { cwd: SYSTEM32, env });
        const reader = child.stdout.getReader();
        let out = "";
        while (!out.includes("shipdesk --auto:") && performance.now() - started < 60_000) {
          const { value, done } = await reader.read();
          if (done) break;
          out += new TextDecoder().decode(value);
        }
        expect(out).toContain("shipdesk --auto:");
        const lock = join(linuxPath(PROGRAM_DIR), "data", "db", "shipdesk.lock");
        expect(existsSync(lock)).toBe(true);
        child.kill("SIGINT");
        const code = await Promise.race([child.exited, Bun.sleep(20_000).then(() => "still running")]);
        if (code === "still running") child.kill("SIGKILL");
        timings.push(`--auto then Ctrl-C: ${((performance.now() - started) / 1000).toFixed(1)} s`);
        expect(code).toBe(3);
        // The lock is the folder's host's (src/db/host/), which outlives the run until it is idle.
        expect(existsSync(join(linuxPath(PROGRAM_DIR), "data", "db", HOST_FILE))).toBe(true);
        expect(readFileSync(join(linuxPath(PROGRAM_DIR), "data", "shipdesk.log"), "utf8")).toContain("Ctrl-C: stopping");
      } finally {
        silent.stop(true);
      }
    }, 120_000);

    test("accented names stay exact in the data the Windows program wrote, read through the Windows host", async () => {
      const folder = join(linuxPath(PROGRAM_DIR), "data", "db");
      const query = "SELECT customer_name, ship_city FROM orders WHERE order_id = $1";
      // The Windows host the last run started is still up (it exits once idle): this Linux
      // process is one more of its clients, by its host file's port and secret. Gone already:
      // the folder is opened here.
      const host = windowsHostFile(folder);
      let rows: Record<string, unknown>[] | undefined;
      if (host) {
        const sql = postgres({ host: "127.0.0.1", port: host.port, user: "shipdesk", pass: host.secret, database: "shipdesk", max: 1, onnotice: () => {} });
        try {
          rows = [...(await sql.unsafe(query, [QUEBEC_ORDER]))];
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
        } finally {
          await sql.end({ timeout: 1 });
        }
      }
      if (!rows) {
        await windowsHostGone(folder);
        const db = await openDatabase({ dataDir: join(linuxPath(PROGRAM_DIR), "data") });
        try {
          rows = await db.query(query, [QUEBEC_ORDER]);
        } finally {
          await db.close();
        }
      }
      expect(rows[0]).toEqual({ customer_name: "Amélie Côté", ship_city: "Montréal" });
    }, 150_000);
  });
  sharedFolderOnWindows(() => exe, timings);
  test("printing from the .exe: the Windows spooler through Bun FFI names a printer Windows lacks; a network Zebra takes the test label; --dry-run draws it with the bundled ZPL renderer", async () => {
    const dir = join(linuxPath(USER_DIR), "Printing");
    require("node:fs").mkdirSync(dir, { recursive: true });
    const env = { SHIPDESK_DATA_DIR: `${USER_DIR}\\Printing\\data`, SHIPDESK_LABELS_DIR: `${USER_DIR}\\Printing\\labels` };
    const settings = (printer: string) =>
      writeFileSync(join(dir, "shipdesk.toml"), `[canadapost]\nlabel_encoding = "zpl"\n\n[printer]\n${printer}\n`);
    try {
      // winspool.drv's OpenPrinterW, called through Bun's FFI inside the .exe, under Wine.
      settings('kind = "windows"\nname = "No Such Zebra"');
      const missing = timed("printer test (Windows spooler, unknown printer)", await runWine(exe, ["printer", "test", "--config", `${USER_DIR}\\Printing\\shipdesk.toml`], { cwd: dir, env }));
      expect(missing.stdout).toContain('Windows has no printer named "No Such Zebra"; set printer.name in');
      expect(missing.code).toBe(2);

      const { startZebra } = await import("../printing/zebra.ts");
      const zebra = startZebra();
      try {
        settings(`kind = "zpl-network"\nhost = "127.0.0.1"\nport = ${zebra.port}`);
        const sent = timed("printer test (network Zebra)", await runWine(exe, ["printer", "test", "--config", `${USER_DIR}\\Printing\\shipdesk.toml`], { cwd: dir, env }));
        expect(sent.stderr).toBe("");
        expect(sent.code).toBe(0);
        expect(sent.stdout).toContain(`the test label went to the Zebra at 127.0.0.1:${zebra.port}`);
        expect(zebra.jobs).toHaveLength(1);
        const dry = timed("printer test --dry-run (ZPL drawn in the .exe)", await runWine(exe, ["printer", "test", "--dry-run", "--config", `${USER_DIR}\\Printing\\shipdesk.toml`], { cwd: dir, env, measure: true }));
        expect(dry.code).toBe(0);
        expect(dry.stdout).toContain("(813 x 1220 dots, 4x6 inches); nothing was sent");
        expect(readFileSync(join(dir, "labels", "printer-test.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
      } finally {
        zebra.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
