import type { PrintJob, PrintOutcome } from "./outcome.ts";
import type { Where } from "./network.ts";

/**
 * CUPS (Linux, macOS): `lp -d QUEUE FILE`. ZPL goes raw (`-o raw`: CUPS passes it to the
 * printer untouched); a PDF at its own size (`-o print-scaling=none`), never fitted to the page.
 * Accepted once lp has queued it ("request id is …"): the job is CUPS's then, and CUPS keeps
 * it until the printer takes it.
 */
export async function sendLp(queue: string, job: PrintJob, where: Where, lpCommand = "lp"): Promise<PrintOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const options = job.encoding === "zpl" ? ["-o", "raw"] : ["-o", "print-scaling=none"];
  let proc: ReturnType<typeof Bun.spawn>;
  try {
    proc = Bun.spawn([lpCommand, "-d", queue, "-t", `shipdesk ${job.title}`, ...options, "--", job.path], { stdout: "pipe", stderr: "pipe", stdin: "ignore" });
  } catch {
    return {
      kind: "not-sent",
      sentence: `The lp command (CUPS) is not installed on this computer; install CUPS (on Debian: apt-get install cups-client) or change printer.kind in ${where.file}. The label is not printed.`,
      detail: "ENOENT",
      cause: "setting",
      ms: ms(),
    };
  }
  const [out, err, code] = await Promise.all([new Response(proc.stdout as ReadableStream).text(), new Response(proc.stderr as ReadableStream).text(), proc.exited]);
  if (code === 0) return { kind: "accepted", answered: `CUPS queue ${queue}: ${out.trim() || "job queued"}`, ms: ms() };
  const said = err.trim() || out.trim() || `lp exited with code ${code}`;
  const noQueue = /does not exist|not exist|unknown|no such/i.test(said);
  return {
    kind: "not-sent",
    sentence: noQueue
      ? `There is no CUPS queue named "${queue}" on this computer (lp said: ${said}); set printer.queue in ${where.file} to one that lpstat -p lists. The label is not printed.`
      : `CUPS did not take the label for queue "${queue}" (lp said: ${said}); check the queue with lpstat -p ${queue} and that CUPS is running. The label is not printed.`,
    detail: said,
    cause: noQueue ? "setting" : "unreachable",
    ms: ms(),
  };
}
