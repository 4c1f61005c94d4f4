// Issue 9 §5: the print page's merged PDF of 200 real 4x6 sandbox labels.
import { PDFDocument } from "pdf-lib";
import { labelPdf } from "../src/sandbox/canadapost/label-pdf.ts";
import { mergeLabels } from "../src/server/merge.ts";
import { median } from "./timing.ts";

export interface MergeResult {
  labels: number;
  runs: number;
  mergeMs: number;
  /** Baseline: only parsing the same 200 PDFs (no copying, no saving). */
  loadOnlyMs: number;
  mergedKb: number;
}

export async function mergePdf(labels: number, runs: number): Promise<MergeResult> {
  const pdfs: Uint8Array[] = [];
  for (let i = 0; i < labels; i++) {
    const pin = String(7_023_000_000_000_000 + i);
    pdfs.push(await labelPdf("4x6", { pin, service: "DOM.EP", to: ["Priya Sharma", "88 Queen St W", "Toronto ON  M5H2N2"] }));
  }
  let size = 0;
  const merges: number[] = [];
  const loads: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    size = (await mergeLabels(pdfs, "bench")).byteLength;
    merges.push(performance.now() - t0);
    t0 = performance.now();
    for (const bytes of pdfs) await PDFDocument.load(bytes, { updateMetadata: false });
    loads.push(performance.now() - t0);
  }
  return { labels, runs, mergeMs: median(merges), loadOnlyMs: median(loads), mergedKb: size / 1024 };
}

if (import.meta.main) console.log(await mergePdf(Number(process.argv[2] ?? 200), 5));
