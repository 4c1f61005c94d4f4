import { serveOnLoopback } from "../../serve.ts";
import type { FaultPlan } from "../../faults.ts";
import type { CanadaPostSandboxState } from "../state.ts";
import type { TrackingDesk } from "../tracking/desk.ts";
import { createCanadaPostSandbox, type CanadaPostSandboxOptions } from "./app.ts";

export interface RunningCanadaPostSandbox {
  url: string;
  stop(): Promise<void>;
  state: CanadaPostSandboxState;
  faults: FaultPlan;
  tracking: TrackingDesk;
  save(): void;
}

/** The sandbox on a loopback port (0: any free one); stopping it releases any hanging request. */
export function startCanadaPostSandbox(options: CanadaPostSandboxOptions & { port?: number } = {}): RunningCanadaPostSandbox {
  const { app, state, faults, tracking, save } = createCanadaPostSandbox(options);
  const server = serveOnLoopback(app, options.port ?? 0, () => faults.releaseHangs());
  return { url: server.url, stop: () => server.stop(), state, faults, tracking, save };
}
