/** What the bench's child processes are told and tell back (JSON over argv and stdout). */

export interface Latency {
  createMs: number;
  labelMs: number;
  bestBuyMs: number;
}

export interface SandboxPlan {
  /** Best Buy orders seeded in SHIPPING. */
  orders: number;
  latency: Latency;
  /** Canada Post's throttle on Create Shipment + Get Artifact; absent: off. */
  rateLimit?: { perMinute: number; windowMs: number };
  /** The Best Buy sandbox's seed (order ids differ by seed); default 9. */
  seed?: number;
}

export interface SandboxStats {
  labels: number;
  downloads: number;
  throttled: number;
  ordersWithTwoLabels: number;
}

export interface BatchPlan {
  database: "server" | "embedded";
  canadaPost: string;
  bestBuy: string;
  concurrency: number;
  /** The client's RateLimiter; absent: none. */
  rateLimit?: { limit: number; windowMs: number };
  /** The seed's serial loop: every label first, then tracking, nothing side by side. */
  sequential?: boolean;
  /** Embedded only: this data folder (made by the batch if new) instead of a throwaway one; kept. */
  dataDir?: string;
}

export interface BatchResult {
  orders: number;
  shipped: number;
  created: number;
  notDone: number;
  wallMs: number;
  shipMs: number;
  trackMs: number;
  /** User + system CPU of the batch process during ship + track. */
  cpuMs: number;
  /** process.memoryUsage().rss sampled every 50 ms during the batch. */
  sampledPeakRssMb: number;
  /** Whether opening the database made it (embedded: copied the shipped one into the folder). */
  createdDatabase: boolean;
  /** Embedded: the folder's database host (issue 25), which alone runs PGlite; read from /proc. */
  host?: HostUse | undefined;
}

export interface HostUse {
  pid: number;
  /** The program that started it (the host file's words): the batch, or the print page. */
  program: string;
  /** User + system CPU of the host over ship + track. */
  cpuMs: number;
  /** VmHWM at the end of the batch: the host's peak RSS over its whole life so far. */
  peakRssMb: number;
}
