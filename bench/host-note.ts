// The prose for issue 25's rows: what each figure is, and where the embedded database's memory
// and start-up went once one host process holds PGlite for every shipdesk on the PC.
import type { MeasuredBatch } from "./children.ts";
import { mb, ms } from "./report.ts";
import type { SharedBatch } from "./shared-batch.ts";
import type { Startup } from "./startup.ts";

export interface HostNoteInputs {
  own: { server: MeasuredBatch; embedded: MeasuredBatch; existing: MeasuredBatch } | undefined;
  start: Startup | undefined;
  shared: SharedBatch | undefined;
}

const hostRss = (b: MeasuredBatch) => b.host?.peakRssMb ?? Number.NaN;

export function hostNote({ own, start, shared }: HostNoteInputs): string {
  const h = start?.hosted;
  const status = h
    ? `\`status\` while the print page hosts took ${ms(h.hostedMs)} against ${ms(h.serverMs)} on the server (runs in turn), and
  peaked at ${mb(h.hostedRssMb)} against ${mb(h.serverRssMb)}: a client of the host is a server client. With no host
  running, \`status\` waits for the one it starts to open PGlite: ${ms(h.coldMs)}; that host then peaks at
  ${mb(h.coldHostRssMb)} and stays 30 s after it.`
    : "";
  const batch = own
    ? `The 1000-order batches' own process peaked at ${mb(own.embedded.maxRssMb)} (new database) and ${mb(own.existing.maxRssMb)}
  (existing), their hosts at ${mb(hostRss(own.embedded))} and ${mb(hostRss(own.existing))}; the server batch ${mb(own.server.maxRssMb)}. Wall per order:
  server ${ms(own.server.wallMs / own.server.orders)}, new embedded ${ms(own.embedded.wallMs / own.embedded.orders)}, existing ${ms(own.existing.wallMs / own.existing.orders)}.`
    : "";
  const page = shared
    ? `With the print page open, the batch took ${ms(shared.withPage.wallMs)} (alone: ${ms(shared.alone.wallMs)}); the
  batch peaked at ${mb(shared.withPage.maxRssMb)}, the print page's host at ${mb(hostRss(shared.withPage))}, the page itself at
  ${mb(shared.pageRssMb)} (alone: batch ${mb(shared.alone.maxRssMb)}, its host ${mb(hostRss(shared.alone))}).`
    : "";
  return `
## One embedded database for every shipdesk on the PC (issue 25)

Since issue 25 one process, the folder's database host (\`shipdesk __db-host\`, src/db/host/),
opens PGlite; every other shipdesk (\`status\`, \`--auto\`, the print page, the desk) is a client
that speaks PostgreSQL's protocol to it over 127.0.0.1 with postgres.js, as to a server, and never
compiles PGlite's WebAssembly. So each embedded figure now has two processes: the shipdesk that
ran and the host it used. The host's peak RSS is its \`VmHWM\` from \`/proc/<pid>/status\` (pid
from \`db/shipdesk.host\`), read while it is still running: the peak over its whole life, PGlite
included. Before each measurement that names "no host running" the host left by the run before
is stopped (SIGTERM, waited for: \`stopHost\`), so that it starts from that state.

- **\`status\` while the print page hosts.** The binary's \`shipdesk serve\`, started in its own
  process on the same data folder and left running; its host (the host file names the print
  page) serves every \`status\` run; the bench checks it is the same host from the first run to
  the last. The server runs and the hosted runs are taken in turn, so other work on the machine
  weighs on both. ${status}
- **\`status\` with no host running.** What the clerk sees first thing in the morning: \`status\`
  starts the host, which copies nothing (the folder exists) but compiles PGlite's WebAssembly and
  opens the database before \`status\` can ask anything. The host stays behind 30 s (the next
  shipdesk finds it ready) and holds the memory \`status\` used to hold itself.
- **Batches (\`own\`).** The batch process is a client: its CPU and peak RSS are the client's; its
  host's CPU (from \`/proc/<pid>/stat\`, over ship + track) and peak RSS are measured beside it.
  The CPU row adds the two. ${batch} The demo's row is the demo process only: its host runs in
  the demo's throwaway folder and exits when that folder is removed; it is not measured.
- **A 1000-order batch while the print page hosts (\`shared\`).** \`bun src/cli.ts serve\` in a
  new folder (its host makes the database), then the same batch as \`own\` (bench/batch.ts, zero
  latency sandboxes) on that folder; against the same batch on a new folder of its own, no print
  page (the batch's host makes the database). The print page's peak is its \`VmHWM\` at the end
  of the batch (no browser asked it anything meanwhile). ${page}
- **What it means.** The memory PGlite costs is paid once per PC, in the host, however many
  shipdesk run; each of them is as light as on the server database. Start-up of a client is that of
  a server client; only the shipdesk that finds no host waits for PGlite to open. The cost is a
  round trip over a local socket per statement and PGlite doing one unit of work at a time for
  all of them: the embedded batch's wall time per order against the server's, above. The
  machine had other work running (see the load averages above): read pairs measured side by
  side, and distrust differences under ~20 %.
`;
}
