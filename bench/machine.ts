// The machine the figures were measured on: they compare within one run, never across machines.
import { cpus, loadavg, release, totalmem } from "node:os";
import { readFileSync } from "node:fs";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  bun: string;
  date: string;
  /** 1-minute load average when the bench started and when it ended: other work on the machine. */
  loadAtStart: number;
  loadAtEnd?: number;
}

export function machine(): Machine {
  let os = `Linux ${release()}`;
  try {
    const pretty = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
    if (pretty) os = `${pretty}, kernel ${release()}`;
  } catch {
    // no os-release: the kernel release alone
  }
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    os,
    bun: Bun.version,
    date: new Date().toISOString(),
    loadAtStart: loadavg()[0]!,
  };
}
