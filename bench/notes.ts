// The prose under the table: how each figure was taken, the scale, and where the time goes.
import type { MeasuredBatch } from "./children.ts";
import { ms } from "./report.ts";
import type { Startup } from "./startup.ts";
import type { ThroughputRun } from "./throughput.ts";

export interface NoteInputs {
  batch: ThroughputRun;
  serial: ThroughputRun;
  server: MeasuredBatch;
  embedded: MeasuredBatch;
  existing: MeasuredBatch;
  start: Startup;
  scale: { factor: number; batch: number; serial: number; own: number };
}

export function notes(x: NoteInputs): string {
  const { batch, serial, scale } = x;
  return `## How each figure is taken

- **Throughput.** ${scale.batch} orders seeded in the Best Buy sandbox, imported by \`orders sync\`
  (not timed), then labels and tracking as \`--auto\` runs them (src/cli/commands/ship-and-track.ts:
  tracking rounds every 2 s for the labels saved so far, beside the label run),
  with \`run.concurrency\` = 4 (the default). Sandboxes in their own process, latency injected:
  Create Shipment 300 ms, label 150 ms, every Best Buy call 150 ms. The Canada Post sandbox throttles
  Create Shipment + Get Artifact at ${batch.limit} per ${batch.windowMs / 1000} s (rolling), and the
  client has a \`RateLimiter(${batch.limit}, ${batch.windowMs})\`. Scale factor ${scale.factor}${
    scale.factor === 1 ? ": Canada Post's real limit, 646 per 60 s" : `: limit and window both divided by ${scale.factor}`
  }. The bound is 2 limited calls per order at that rate: ${ms(batch.boundMs)}. A rolling window lets
  the first ${batch.limit} calls through at once, so a run can finish *under* the bound.
- **Serial baseline.** The same set-up with concurrency 1 and the seed's serial loop (every label,
  then tracking; nothing side by side), ${scale.serial}
  orders instead of ${scale.batch} to keep the run short (it is not rate-limited at that size), so
  the comparison is per order: ${ms(serial.wallMs / serial.orders)} serial vs ${ms(batch.wallMs / batch.orders)}.
- **Own work per order.** ${scale.own} orders, zero latency, sandboxes in another process (Bun.spawn),
  a fresh database on the PostgreSQL server and a fresh embedded (PGlite) one. Figure: the batch
  process's \`process.cpuUsage()\` (user + system, all threads) over ship + track, divided by the
  orders. Wall per order on the server: ${ms(x.server.wallMs / x.server.orders)}; embedded: ${ms(x.embedded.wallMs / x.embedded.orders)}.
  The embedded batch opens a *new* data folder, so it also copies the shipped database into it.
- **Memory.** The batches' "Maximum resident set size" from \`/usr/bin/time -v\` (the
  process's own sampling of \`rss\` every 50 ms, over ship + track only: server ${x.server.sampledPeakRssMb.toFixed(0)} MB,
  new embedded ${x.embedded.sampledPeakRssMb.toFixed(0)} MB, existing ${x.existing.sampledPeakRssMb.toFixed(0)} MB). Baseline: \`bun -e 0\` measured the same way, and
  the server batch beside the embedded ones. *Existing*: the folder the new-database batch left
  (1000 orders shipped in it), opened by a second batch for 1000 other orders (another seed).
- **First runs (issue 17).** The binary built for the start-up figures, each command in an empty
  folder of its own under \`/usr/bin/time -v\`, stdin not a terminal: \`shipdesk demo\`; \`shipdesk
  --auto\` with no settings (in-process sandboxes, 8 orders: the demo's cycle) on a new embedded
  database and, as the server figure, with \`DATABASE_URL\` on a fresh server database;
  \`shipdesk status\` afterwards on each (embedded: ${x.start.first.statusEmbeddedRssMb.toFixed(0)} MB, server: ${x.start.first.statusServerRssMb.toFixed(0)} MB).
- **Start-up.** \`bun run build linux\` (${ms(x.start.buildMs)}), the binary copied into an empty
  folder, each command run ${x.start.runs} times after one warm-up with Bun.spawnSync; the median.
  \`status\` on a fresh server database (DATABASE_URL) and on the embedded one (one run makes
  it from the shipped copy; each measured run finds no database host and starts one: see issue 25).
- **Merged PDF.** 200 real 4x6 label PDFs as the Canada Post sandbox makes them, through
  \`mergeLabels\` (src/server/merge.ts), median of 5.

## Where the time goes, and what was changed

- **Fixed: throttle rejections at exactly the published limit.** The client counted a call when
  it sent it; Canada Post (and the sandbox) count it when it arrives. With a limiter at exactly 646
  per 60 s, a Get Artifact sent at t = 60.0 s arrived before a Create Shipment sent at t = 0 had left
  the server's window (it arrived up to 300 ms after it was sent): the server saw 647 and said
  "Rejected by SLM Monitor" (3 rejections in the first runs, each costing a 60 s wait, since the
  throttle reply has no Retry-After: labels took 141 s against a 93 s bound). Now each call holds
  its slot from sending until a window after its reply (\`RateLimiter.run\`), and every attempt of
  a retried read counts: arrival always lies between the two, so the server never sees one call
  too many. This run: ${batch.throttled} rejection(s).
- **Fixed: throttles paused the run once per rejection.** \`RateLimiter.pause\` chained one
  60-second sleep per throttled reply, so 4 downloads throttled at the same moment stalled every
  worker for 4 minutes. It now keeps one "not before" deadline.
- **Fixed: tracking waited for the last label.** \`--auto\` used to push tracking only after every
  label was bought, adding a Best Buy-bound phase (~39 s for 500 orders) on top of the labels.
  Tracking now runs in rounds beside the label run (each order once per run; a Best Buy outage
  stops the rounds, never the labels): ${ms(batch.wallMs - batch.shipMs)} after the last label here.
- **Serial vs concurrent.** Under Canada Post's limit the best possible labels pace is one order per
  ${ms(batch.windowMs / batch.limit * 2)} (2 calls), against ~${ms(x.serial.shipMs / x.serial.orders)} per order serially,
  so the speed-up of the labels phase is capped by the limit itself, not by shipdesk: for a batch
  that fills the window, the best speed-up over the serial loop is about
  ${((x.serial.wallMs / x.serial.orders) / (batch.windowMs / batch.limit * 2)).toFixed(1)}× (the serial per-order time over 2 calls at the limit). The goal of ≥ 5× cannot be met at
  Canada Post's real limit with these latencies; the rolling window's first burst is what lifts the
  measured figure above that cap.
- **Own CPU per order on the server (goal 2 ms).** A \`bun --cpu-prof\` of the 1000-order batch
  (\`bun bench/profile.ts\`) shows most JS-thread time in native calls, not in our code:
  postgres.js socket writes (~25% of samples), the label
  file's open + fsync (~24%, the durable write, kept), and \`fetch\` (~10%; state changes go on a
  fresh connection by design). Our own JS (XML build with xmlbuilder2, parse with
  fast-xml-parser, valibot, address code) is under 10%. Preparing the statements (postgres.js
  \`prepare: true\`) was tried once and made no measurable difference then; measured again on
  2026-12-03, side by side on an idle machine, it is kept: unprepared, postgres.js sends each
  statement to be described before it binds it (a second round trip, and ~2 socket writes per
  statement: 38 per order), so a 1000-order batch took 20.5 and 20.2 s wall, 13.3 and 13.6 s CPU;
  prepared 15.7 and 15.8 s wall, 11.6 and 11.9 s CPU. Cut since:
  the claim's insert and its lock in one statement (was a 4-statement transaction), no second read
  of the shipment after Create Shipment, an order's problems written only when they change — five
  round trips fewer per label. What is left per order (about 15 statements over ship + track: the
  audit row for each of the 4 calls, the claim and lock, each state change recorded as it happens,
  the unlock) and the fsync are the safety properties, and are kept.
- **Embedded database.** PGlite runs PostgreSQL in WebAssembly in the same process, so its CPU
  and its memory count as shipdesk's: that is why the embedded figures are above the server's.
  What is left, read from \`/proc/self/smaps\` at the end of a 1000-order batch on an existing
  database: Bun's own code ~45 MB (as on the server), PGlite's compiled module 35-50 MB (JSC keeps
  the 9 MB of WebAssembly and its interpreter's metadata), the WebAssembly memory ~17 MB touched at
  start and ~30 MB by the end, JIT code ~9 MB, and the JS heap and buffers 75-90 MB (the server
  batch's: ~66 MB). The server database stays the one meant for volume.

## The embedded database on the clerk's PC (issue 17): what was tried, and what each changed

Figures in this section were measured while the change was made (2026-12-03, this machine, load
average between 1 and 20 from other work, so read pairs measured side by side, not absolutes);
the table above is this run's.

- **Kept: no initdb on the clerk's PC.** A new data folder used to run PGlite's initdb inside the
  process: a second PGlite instance plus initdb's own WebAssembly, about 1 GB that WebAssembly
  never gives back, and 2.5-12 s. Now \`bun run build\` (and, from source, the first open after a
  change to the migrations: \`build/embedded-db/\`) makes the database once — initdb, every
  migration, a CHECKPOINT, a clean stop — and ships its folder as a 4.3 MB gzipped tar inside the
  binary (\`--asset\`, found in \`Bun.embeddedFiles\`). A new folder gets a copy, every file synced
  before a marker file that went in first is removed (a crash half-way leaves the marker, and the
  next start copies again; a folder without it that is not a whole database is refused and left
  alone). Copying takes about 0.6 s, most of it syncing ~1060 files one by one (one fsync each after
  writing them all, 8 at a time: 0.4-0.6 s; write-then-fsync each in turn: 0.6-1.2 s). Demo 968 →
  ~256 MB, new-database batch 932 → ~310 MB, before the changes below.
- **Kept: the shipped database neither kept in memory nor unpacked whole.** It was read once
  and cached for the process (4.6 MB, plus the copy \`Bun.embeddedFiles\` makes), and gunzipped
  into one 41 MB buffer before any file was written. Now it is read when a folder needs it and
  unpacked as gunzip hands it over (src/db/template/tar.ts's TarReader, 1 MB pieces). Opening a
  new folder, side by side: resident memory right after 146-163 → 134-138 MB, after a full
  collection 136 → 129 MB (an existing folder: 127 MB); a 1000-order batch on a new database
  251 and 252 MB (cached) against 242-248 MB in four runs. The copy's time did not change beyond
  its noise (1.1-1.7 s either way on this machine's disk, most of it the fsyncs).
- **Kept: shared_buffers 4 MB (was 16 MB).** PostgreSQL touches its whole buffer pool at start:
  resident memory right after open, 16 / 8 / 4 / 1 MB of buffers: 136 / 126 / 123 / 118 MB. A
  1000-order batch on an existing database, runs side by side: 16 MB 251 and 253 MB, 4 MB 229 and
  243 MB; CPU 16.3 vs 16.4 s (no cost). 1 MB saves 5 MB more but leaves a year of api_calls rows
  little room; not taken.
- **Kept: a young-generation collection every 50 statements** (\`Bun.gc(false)\` in
  src/db/pglite.ts). JSC counts PGlite's 128 MB of WebAssembly memory as heap (twice, it seems:
  \`heapStats().extraMemorySize\` is ~277 MB all through a batch while the live JS objects are
  ~13 MB), so it lets garbage grow by as much before it collects: a full GC at the end of a
  300-order batch took it from 244 to 191 MB. Sampled every 100 ms, a batch's resident memory
  jumps by 40-50 MB and falls back within half a second, over and over: the garbage of a few
  hundred statements. First kept at every 200 statements (new-database batch 325 → 249 MB then);
  measured again side by side on an idle machine, 1000 orders on an existing database: every 200:
  334, 336 and 365 MB; every 50: 243 (with a full collection every 250 as well), 248, 251 MB;
  every 25: 248, 252, 258 MB; every 10: 253 MB; every 5: 290 MB (the collections' own garbage).
  Every 50 costs 360 collections of ~0.7 ms (0.24 s of CPU in a 24 s batch; the batches' CPU
  varied by more than that). New-database batch, every 50: 258 and 258 MB. A *full* collection
  every 200: 221 MB but half as much CPU again; a full one every 500 on top of every 200: 330 MB
  (the garbage is young); \`bun --smol\`: no change (307 vs 317 MB alone, 236-242 vs 233 MB with
  the collections).
- **Kept: compiling PGlite's WebAssembly while the folder is checked.** About 130 ms of
  \`WebAssembly.compile\` runs on the main thread and 200-300 ms more on background threads; it now
  starts before the folder check and the copy of a new database, so the copy's fsyncs overlap it.
- **Fixed on the way: commits were not durable.** PGlite's default flags start PostgreSQL with
  fsync off (\`-F\`), and Emscripten's NODEFS has no fsync (its fdatasync returns at once): 500
  commits made 0 fsyncs, so a power cut could lose a label bought and saved a second before, and
  the next run would buy it again. Now fsync is on, with \`wal_sync_method=fsync\` and a file
  system whose fsync is a real one (src/db/durable-fs.ts): a 1000-order batch on an existing
  database took 13.5-14.0 s against 11.8 s without (two pairs; CPU +5%, memory the same).
- **Not possible: a smaller WASM initial memory.** The module declares 128 MB as its minimum; a
  smaller \`initialMemory\` fails at instantiation (LinkError) and PGlite's \`create()\` then never
  settles — it hangs. A larger one only reserves address space.
- **No effect, not kept:** \`wal_buffers\` 64 kB (282 vs 293 MB, one run each: noise; with 4 MB of
  buffers the default is 128 kB anyway); \`work_mem\` 1 MB (292 vs 293 MB: the workflows sort
  nothing large); 1 MB WAL segments in the shipped database (\`initdb --wal-segsize=1\`: 23 instead
  of 40 MB on disk, but a 1000-order batch took 33 s, and 20 s with 16 MB segments run just after:
  too noisy to show a gain, so PostgreSQL's 16 MB default stays).
- **Closing the database between phases: no gain, not kept.** Closed after the sync and opened
  again for labels and tracking, the batch peaked at 245 and 245 MB against 242 and 243 MB without
  (two pairs). The peak is in the labels phase, and the WebAssembly memory grows by only ~2 MB over
  a batch: there is little to give back by closing, and each reopen costs another start.
- **Streaming large reads: not the cause, not changed.** The largest reads are a sync's 1000 orders
  (Best Buy's pages, then one query for the local copies) and the 1000 orders at the start of the
  labels; the same code peaks at ~131 MB on the server database, and the sync phase ends near
  185 MB on the embedded one, below the labels phase's ~230 MB.
- **Start-up of \`status\` on an existing database.** Nearly all of it is PGlite's: the compile
  above (JSC cannot keep a compiled module from one process to the next), then PostgreSQL's own
  start, which always removes and rebuilds its relation-cache files (\`RelationCacheInitFileRemove\`
  in \`StartupXLOG\`): each PGlite start pays what a server pays once. Migrations, the status
  queries and the close are ~60 ms. With 4 MB of buffers PostgreSQL zeroes 12 MB less at start.
- **Where \`status\`'s time goes, and why 250 ms is out of reach (measured 2026-12-03, idle,
  the compiled binary, timestamps from process start):** the first line of shipdesk runs at
  33-62 ms; PGlite's compile then takes 190-260 ms (it starts as the folder is checked); PGlite's
  start on the compiled module another ~200 ms (instantiating, the 6 MB file bundle into memory,
  PostgreSQL's own start ~80 ms, PGlite's first catalogue query); the status queries, the close
  and the exit ~60-110 ms. In all 0.41-0.65 s. Without any of shipdesk's own work the floor is
  about 33 + 190 + 80 ≈ 300 ms. Tried on the compile, alone in a script: \`WebAssembly.compile\`
  170-265 ms wall and as much CPU; \`WebAssembly.compileStreaming\` the same wall at twice the CPU;
  JSC's own settings would change it (\`BUN_JSC_numberOfWasmCompilerThreads=4\`: 120-150 ms; BBQ
  or OMG off: no change), but Bun reads them only from the environment when the process starts,
  which a compiled binary cannot set for itself (\`execArgv\` takes Bun's flags, not JSC's), and
  JSC cannot keep a compiled module from one run to the next. Reaching 250 ms needs a smaller or
  cached PGlite module: a change upstream, not in shipdesk.
- **Where a batch's memory goes, and why 200 MB is out of reach.** \`/proc/self/smaps\` during a
  1000-order batch on an existing database, with the collections every 50 statements: Bun's
  mapped code 46 MB (server: 43), the heap and malloc arena 150-165 MB (server: 72-82), the
  WebAssembly memory 19 MB touched (of 128), JIT code 7-10 MB. The server batch peaks at 150-159
  MB; PGlite adds its compiled module and its interpreter's metadata (JSC keeps them in the same
  arena), its file bundle and the WebAssembly memory: 90-100 MB, which no setting of PostgreSQL's
  reaches. Turning JSC's BBQ tier off (environment only, as above) gave 262 MB for seven times the
  CPU; OMG off 307 MB; the in-place interpreter off 283 MB: none kept, none possible from the
  binary.
`;
}
