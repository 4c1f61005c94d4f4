import type { PrintDeps } from "./deps.ts";

/** The dependencies with defaults filled, plus what this running page holds for itself. */
export interface PageContext extends Required<Omit<PrintDeps, "now" | "mode" | "buyAgain" | "printer" | "dpi" | "saveProof">> {
  buyAgain: PrintDeps["buyAgain"];
  printer: PrintDeps["printer"];
  dpi: 203 | 300 | 600;
  saveProof: PrintDeps["saveProof"];
  now: () => Date;
  mode: "sandbox" | "live";
  /** Per-process token carried by every POST form of ours. */
  token: string;
}

export function pageContext(deps: PrintDeps): PageContext {
  return {
    db: deps.db,
    labelsDir: deps.labelsDir,
    refetchLabel: deps.refetchLabel,
    buyAgain: deps.buyAgain,
    printer: deps.printer,
    dpi: deps.dpi ?? 203,
    saveProof: deps.saveProof,
    now: deps.now ?? (() => new Date()),
    mode: deps.mode ?? "live",
    token: crypto.randomUUID(),
  };
}
