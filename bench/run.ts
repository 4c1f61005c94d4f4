// `bun run bench`: issue 9's and issue 17's benchmarks in one run (about 6 minutes on 2 cores;
// issue 27's parcel watch alone: `bun bench/parcels.ts`). Prints the
// table and writes BENCHMARKS.md. Each figure is set against a baseline measured in this run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { machine } from "./machine.ts";
import { mergePdf } from "./merge-pdf.ts";
import { notes } from "./notes.ts";
import { idleBunRssMb, ownWork } from "./own-work.ts";
import { markdown, mb, ms, table, times, type Row } from "./report.ts";
import { startup } from "./startup.ts";
import { throughput } from "./throughput.ts";
import { faultyBatches, faultyNote, faultyRows } from "./faulty.ts";
import { ratesBench, ratesNote, ratesRows } from "./rates.ts";
import { printingBench, printingNote, printingRows } from "./printing.ts";
import { parcelsBench, parcelsNote, parcelsRows } from "./parcels.ts";

/** Scale (see BENCHMARKS.md): BENCH_SCALE divides Canada Post's limit and window alike. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const BATCH = 500;
const SERIAL = 40;
const OWN = 1000;

const t0 = performance.now();
const m = machine();
const step = (what: string) => console.error(`bench: ${what} (${ms(performance.now() - t0)} so far)`);

step(`throughput: ${BATCH} orders, concurrency 4`);
const batch = await throughput(BATCH, 4, SCALE);
step(`serial baseline: ${SERIAL} orders, concurrency 1`);
const serial = await throughput(SERIAL, 1, SCALE);
step(`own work: ${OWN} orders, PostgreSQL server`);
const server = await ownWork("server", OWN);
// The same folder twice: the first batch makes a new embedded database in it (from the shipped
// copy), the second opens it, 1000 orders already inside, for another day's 1000 orders.
const embeddedDir = mkdtempSync(join(tmpdir(), "shipdesk-bench-embedded-"));
step(`own work: ${OWN} orders, new embedded database`);
const embedded = await ownWork("embedded", OWN, { dataDir: embeddedDir });
step(`own work: ${OWN} more orders, existing embedded database`);
const existing = await ownWork("embedded", OWN, { dataDir: embeddedDir, seed: 10 });
rmSync(embeddedDir, { recursive: true, force: true });
if (!embedded.createdDatabase || existing.createdDatabase || existing.orders !== OWN) {
  throw new Error("bench: the embedded batches did not run on a new and then an existing database");
}
const idle = idleBunRssMb();
step("start-up: build and time the binary");
const start = await startup(20);
step("merged print PDF");
const merge = await mergePdf(200, 5);
step("--auto with a busy Canada Post: 30 orders clean, then with 10 % throttled + 10 % 500");
const faulty = await faultyBatches(30);
step("Get Rates before buying: 40 orders priced vs a fixed service");
const rates = await ratesBench(40);
step("printing: 30 ZPL labels to a stand-in network Zebra as they are saved");
const printing = await printingBench(30);
step("the parcel watch: ~1000 parcels in flight over 40 simulated days");
const parcels = await parcelsBench();

const perOrder = (wall: number, n: number) => wall / n;
const batchPerOrder = perOrder(batch.wallMs, batch.orders);
const serialPerOrder = perOrder(serial.wallMs, serial.orders);
const cpuServer = server.cpuMs / server.orders;
const cpuEmbedded = embedded.cpuMs / embedded.orders;
const limitText = `${batch.limit} per ${batch.windowMs / 1000} s`;

const rows: Row[] = [
  {
    measure: `Throughput: ${batch.orders} orders ship + track (c=4, ${limitText})`,
    value: ms(batch.wallMs),
    baseline: `rate-limit bound ${ms(batch.boundMs)}`,
    ratio: times(batch.wallMs / batch.boundMs),
    goal: "≤ 1.10× bound",
    met: batch.wallMs / batch.boundMs <= 1.1,
  },
  {
    measure: "… of which ship (labels only)",
    value: ms(batch.shipMs),
    baseline: `bound ${ms(batch.boundMs)}`,
    ratio: times(batch.shipMs / batch.boundMs),
    goal: "–",
    met: undefined,
  },
  {
    measure: "… throttle rejections (sandbox count)",
    value: String(batch.throttled),
    baseline: `${batch.labels} labels, ${batch.tracked} tracked, ${batch.twoLabels} orders with 2 labels`,
    ratio: "–",
    goal: "0",
    met: batch.throttled === 0,
  },
  {
    measure: `Per order, c=4 vs serial (c=1, ${serial.orders} orders)`,
    value: ms(batchPerOrder),
    baseline: `serial ${ms(serialPerOrder)}`,
    ratio: `${times(serialPerOrder / batchPerOrder)} faster`,
    goal: "≥ 5× faster",
    met: serialPerOrder / batchPerOrder >= 5,
  },
  {
    measure: `Own CPU per order, server (${server.orders} orders, c=4)`,
    value: ms(cpuServer),
    baseline: `wall ${ms(server.wallMs / server.orders)}/order`,
    ratio: `${times(cpuServer / 2)} goal`,
    goal: "≤ 2 ms",
    met: cpuServer <= 2,
  },
  {
    measure: `Own CPU per order, embedded (${embedded.orders} orders)`,
    value: ms(cpuEmbedded),
    baseline: `server ${ms(cpuServer)}`,
    ratio: times(cpuEmbedded / cpuServer),
    goal: "–",
    met: undefined,
  },
  {
    measure: "Peak RSS, 1000-order batch, server",
    value: mb(server.maxRssMb),
    baseline: `idle bun -e ${mb(idle)}`,
    ratio: times(server.maxRssMb / idle),
    goal: "≤ 150 MB",
    met: server.maxRssMb <= 150,
  },
  {
    measure: "Peak RSS, 1000-order batch, new embedded database",
    value: mb(embedded.maxRssMb),
    baseline: `server ${mb(server.maxRssMb)}`,
    ratio: times(embedded.maxRssMb / server.maxRssMb),
    goal: "≤ 250 MB",
    met: embedded.maxRssMb <= 250,
  },
  {
    measure: "Peak RSS, 1000-order batch, existing embedded database (1000 orders in it)",
    value: mb(existing.maxRssMb),
    baseline: `server ${mb(server.maxRssMb)}`,
    ratio: times(existing.maxRssMb / server.maxRssMb),
    goal: "≤ 200 MB",
    met: existing.maxRssMb <= 200,
  },
  {
    measure: "Peak RSS, shipdesk demo in an empty folder (binary)",
    value: mb(start.first.demoRssMb),
    baseline: `its cycle as --auto, server ${mb(start.first.autoServerRssMb)}`,
    ratio: times(start.first.demoRssMb / start.first.autoServerRssMb),
    goal: "≤ 250 MB",
    met: start.first.demoRssMb <= 250,
  },
  {
    measure: "Peak RSS, first shipdesk --auto in an empty folder (binary, new embedded database)",
    value: mb(start.first.autoEmbeddedRssMb),
    baseline: `same --auto, server ${mb(start.first.autoServerRssMb)}`,
    ratio: times(start.first.autoEmbeddedRssMb / start.first.autoServerRssMb),
    goal: "–",
    met: undefined,
  },
  {
    measure: `Start-up: shipdesk --version (median of ${start.runs})`,
    value: ms(start.versionMs),
    baseline: `/bin/true ${ms(start.trueMs)}; bun --version ${ms(start.bunVersionMs)}`,
    ratio: `${times(start.versionMs / start.bunVersionMs)} bun --version`,
    goal: "≤ 60 ms",
    met: start.versionMs <= 60,
  },
  {
    measure: "Start-up: shipdesk status, server database",
    value: ms(start.statusServerMs),
    baseline: `--version ${ms(start.versionMs)}`,
    ratio: times(start.statusServerMs / start.versionMs),
    goal: "–",
    met: undefined,
  },
  {
    measure: "Start-up: shipdesk status, existing embedded database",
    value: ms(start.statusEmbeddedMs),
    baseline: `server ${ms(start.statusServerMs)}`,
    ratio: times(start.statusEmbeddedMs / start.statusServerMs),
    goal: "≤ 250 ms",
    met: start.statusEmbeddedMs <= 250,
  },
  {
    measure: "Peak RSS, shipdesk status, existing embedded database",
    value: mb(start.first.statusEmbeddedRssMb),
    baseline: `server ${mb(start.first.statusServerRssMb)}`,
    ratio: times(start.first.statusEmbeddedRssMb / start.first.statusServerRssMb),
    goal: "–",
    met: undefined,
  },
  {
    measure: `Merged print PDF, ${merge.labels} 4x6 labels (median of ${merge.runs})`,
    value: ms(merge.mergeMs),
    baseline: `parsing alone ${ms(merge.loadOnlyMs)}`,
    ratio: times(merge.mergeMs / merge.loadOnlyMs),
    goal: "≤ 1 s",
    met: merge.mergeMs <= 1000,
  },
  ...faultyRows(faulty),
  ...ratesRows(rates),
  ...printingRows(printing),
  ...parcelsRows(parcels),
];

const total = performance.now() - t0;
m.loadAtEnd = loadavg()[0]!;
console.log(table(rows));
const scale = { factor: SCALE, batch: BATCH, serial: SERIAL, own: OWN };
writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), markdown(m, rows, notes({ batch, serial, server, embedded, existing, start, scale }) + faultyNote(faulty) + ratesNote(rates) + printingNote(printing) + parcelsNote(parcels), total));
console.log(`\nwrote BENCHMARKS.md (${ms(total)})`);
