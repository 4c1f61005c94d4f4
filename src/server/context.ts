import type { PrintDeps } from "./deps.ts";

/** The dependencies with defaults filled, plus what this running page holds for itself. */
export interface PageContext extends Required<Omit<PrintDeps, "now" | "mode" | "buyAgain" | "saveProof">> {
  buyAgain: PrintDeps["buyAgain"];
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
    saveProof: deps.saveProof,
    now: deps.now ?? (() => new Date()),
    mode: deps.mode ?? "live",
    token: crypto.randomUUID(),
  };
}
