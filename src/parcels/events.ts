import type { ParcelAttention, ParcelState } from "./states.ts";

/** What the watch did, one line of the log each. */
export type WatchEvent =
  | { type: "checking"; enrolled: number; due: number }
  | { type: "changed"; orderId: string; pin: string; from: ParcelState; to: ParcelState; last: string | undefined }
  | { type: "needs-person"; orderId: string; pin: string; attention: ParcelAttention }
  | { type: "error"; orderId: string; pin: string; message: string }
  | { type: "stopped"; reason: WatchStop["reason"]; message: string; left: number };

/** Why the watch stopped before every due parcel was asked about. */
export interface WatchStop {
  /** throttled: Canada Post said slow down; unreachable: no answers; refused: the key; out-of-time: run.max_minutes. */
  reason: "throttled" | "unreachable" | "refused" | "out-of-time";
  message: string;
}

export interface WatchSummary {
  /** Labels followed from this run on. */
  enrolled: number;
  /** Tracking calls made (one per parcel asked about). */
  asked: number;
  changed: { orderId: string; pin: string; from: ParcelState; to: ParcelState }[];
  /** Parcels that needed a person for a reason --auto had not exited 1 for yet. */
  newAttention: { orderId: string; pin: string; attention: ParcelAttention }[];
  /** Delivered or returned this run (or no longer followed). */
  settled: number;
  errors: { orderId: string; pin: string; message: string }[];
  /** Parcels claimed but not asked about: the watch stopped (they are due again at once). */
  left: number;
  stopped: WatchStop | undefined;
}

export const emptyWatch = (): WatchSummary => ({ enrolled: 0, asked: 0, changed: [], newAttention: [], settled: 0, errors: [], left: 0, stopped: undefined });
