// `bun run bench`: issue 9's and issue 17's benchmarks in one run (about 6 minutes on 2 cores;
// issue 27's parcel watch alone: `bun bench/parcels.ts`). Prints the
// table and writes BENCHMARKS.md. Each figure is set against a baseline measured in this run.
// Some sections only: `bun bench/run.ts startup own shared` (see SECTIONS; bench/partial.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { machine } from "./machine.ts";
import { mergePdf } from "./merge-pdf.ts";
import { notes } from "./notes.ts";
import { idleBunRssMb, ownWork } from "./own-work.ts";
import { markdown, mb, ms, table, times, type Row } from "./report.ts";
import { startup, type Startup } from "./startup.ts";
import { throughput } from "./throughput.ts";
import { faultyBatches, faultyNote, faultyRows } from "./faulty.ts";
import { ratesBench, ratesNote, ratesRows } from "./rates.ts";
import { printingBench, printingNote, printingRows } from "./printing.ts";
import { parcelsBench, parcelsNote, parcelsRows } from "./parcels.ts";
import { embeddedBatchRows, firstAutoHostRow, hostedStatusRows, RETIRED_MEASURES, sharedRows } from "./host-rows.ts";
import { hostNote } from "./host-note.ts";
import { stopHostOf } from "./host.ts";
import { partialMarkdown } from "./partial.ts";
import { sharedBatch } from "./shared-batch.ts";

/** Scale (see BENCHMARKS.md): BENCH_SCALE divides Canada Post's limit and window alike. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const BATCH = 500;
const SERIAL = 40;
const OWN = 1000;

const SECTIONS = ["throughput", "own", "startup", "merge", "faulty", "rates", "printing", "parcels", "shared"] as const;
type Section = (typeof SECTIONS)[number];
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length) throw new Error(`bench: no section ${unknown.join(", ")}; the sections are ${SECTIONS.join(", ")}`);
const runs = (section: Section) => asked.length === 0 || asked.includes(section);
const only = <T>(section: Section, measure: () => Promise<T>): Promise<T | undefined> => (runs(section) ? measure() : Promise.resolve(undefined));

const t0 = performance.now();
const m = machine();
const step = (what: string) => console.error(`bench: ${what} (${ms(performance.now() - t0)} so far)`);

const throughputs = await only("throughput", async () => {
  step(`throughput: ${BATCH} orders, concurrency 4`);
  const batch = await throughput(BATCH, 4, SCALE);
  step(`serial baseline: ${SERIAL} orders, concurrency 1`);
  return { batch, serial: await throughput(SERIAL, 1, SCALE) };
});
const own = await only("own", async () => {
  step(`own work: ${OWN} orders, PostgreSQL server`);
  const server = await ownWork("server", OWN);
  // The same folder twice: the first batch makes a new embedded database in it (from the shipped
  // copy), the second opens it, 1000 orders already inside, for another day's 1000 orders. Each
  // starts with no database host running: the one the batch before left is stopped.
  const embeddedDir = mkdtempSync(join(tmpdir(), "shipdesk-bench-embedded-"));
  step(`own work: ${OWN} orders, new embedded database`);
  const embedded = await ownWork("embedded", OWN, { dataDir: embeddedDir });
  await stopHostOf(embeddedDir);
  step(`own work: ${OWN} more orders, existing embedded database`);
  const existing = await ownWork("embedded", OWN, { dataDir: embeddedDir, seed: 10 });
  await stopHostOf(embeddedDir);
  rmSync(embeddedDir, { recursive: true, force: true });
  if (!embedded.createdDatabase || existing.createdDatabase || existing.orders !== OWN) {
    throw new Error("bench: the embedded batches did not run on a new and then an existing database");
  }
  return { server, embedded, existing, idle: idleBunRssMb() };
});
const start = await only("startup", () => (step("start-up: build and time the binary"), startup(20)));
const shared = await only("shared", () => (step(`${OWN}-order batch on the embedded database with the print page open, and alone`), sharedBatch(OWN)));
const merge = await only("merge", () => (step("merged print PDF"), mergePdf(200, 5)));
const faulty = await only("faulty", () => (step("--auto with a busy Canada Post: 30 orders clean, then with 10 % throttled + 10 % 500"), faultyBatches(30)));
const rates = await only("rates", () => (step("Get Rates before buying: 40 orders priced vs a fixed service"), ratesBench(40)));
const printing = await only("printing", () => (step("printing: 30 ZPL labels to a stand-in network Zebra as they are saved"), printingBench(30)));
const parcels = await only("parcels", () => (step("the parcel watch: ~1000 parcels in flight over 40 simulated days"), parcelsBench()));

const limitText = (batch: { limit: number; windowMs: number }) => `${batch.limit} per ${batch.windowMs / 1000} s`;

type Throughputs = NonNullable<typeof throughputs>;
type Own = NonNullable<typeof own>;

function throughputRows({ batch, serial }: Throughputs): Row[] {
  const batchPerOrder = batch.wallMs / batch.orders;
  const serialPerOrder = serial.wallMs / serial.orders;
  return [
    {
      measure: `Throughput: ${batch.orders} orders ship + track (c=4, ${limitText(batch)})`,
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
  ];
}

function ownRows({ server, embedded, existing, idle }: Own): Row[] {
  const cpuServer = server.cpuMs / server.orders;
  const [cpuRow, ...peakRows] = embeddedBatchRows(server, embedded, existing);
  return [
    {
      measure: `Own CPU per order, server (${server.orders} orders, c=4)`,
      value: ms(cpuServer),
      baseline: `wall ${ms(server.wallMs / server.orders)}/order`,
      ratio: `${times(cpuServer / 2)} goal`,
      goal: "≤ 2 ms",
      met: cpuServer <= 2,
    },
    cpuRow!,
    {
      measure: "Peak RSS, 1000-order batch, server",
      value: mb(server.maxRssMb),
      baseline: `idle bun -e ${mb(idle)}`,
      ratio: times(server.maxRssMb / idle),
      goal: "≤ 150 MB",
      met: server.maxRssMb <= 150,
    },
    ...peakRows,
  ];
}

function startupRows(start: Startup): Row[] {
  return [
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
    firstAutoHostRow(start),
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
    ...hostedStatusRows(start),
  ];
}

const mergeRow = (merge: NonNullable<Awaited<ReturnType<typeof mergePdf>>>): Row => ({
  measure: `Merged print PDF, ${merge.labels} 4x6 labels (median of ${merge.runs})`,
  value: ms(merge.mergeMs),
  baseline: `parsing alone ${ms(merge.loadOnlyMs)}`,
  ratio: times(merge.mergeMs / merge.loadOnlyMs),
  goal: "≤ 1 s",
  met: merge.mergeMs <= 1000,
});

const rows: Row[] = [
  ...(throughputs ? throughputRows(throughputs) : []),
  ...(own ? ownRows(own) : []),
  ...(start ? startupRows(start) : []),
  ...(shared ? sharedRows(shared) : []),
  ...(merge ? [mergeRow(merge)] : []),
  ...(faulty ? faultyRows(faulty) : []),
  ...(rates ? ratesRows(rates) : []),
  ...(printing ? printingRows(printing) : []),
  ...(parcels ? parcelsRows(parcels) : []),
];

const total = performance.now() - t0;
m.loadAtEnd = loadavg()[0]!;
console.log(table(rows));
const scale = { factor: SCALE, batch: BATCH, serial: SERIAL, own: OWN };
const target = new URL("../BENCHMARKS.md", import.meta.url);
const issue25 = hostNote({ own, start, shared });
if (throughputs && own && start && merge && faulty && rates && printing && parcels && shared) {
  const text = notes({ ...throughputs, ...own, start, scale }) + faultyNote(faulty) + ratesNote(rates) + printingNote(printing) + parcelsNote(parcels) + issue25;
  writeFileSync(target, markdown(m, rows, text, total));
} else {
  writeFileSync(target, partialMarkdown(readFileSync(target, "utf8"), m, asked, rows, RETIRED_MEASURES, issue25, total));
}
console.log(`\nwrote BENCHMARKS.md (${ms(total)})`);
