/* What the Best Buy sandbox records: the calls made to each order, its rules, its refusals, its snapshot. */

export type Json = Record<string, any>;

export interface TrackingCall {
  at: Date;
  carrierCode: string | null;
  carrierName: string | null;
  trackingNumber: string | null;
  /** The HTTP status the sandbox answered with. */
  status: number;
}

export interface StateCall {
  at: Date;
  status: number;
  /** OR21 only: the line decisions as sent. */
  lines?: ReadonlyArray<{ id: string; accepted: boolean }>;
}

export interface SandboxRules {
  /** Accepted orders stay WAITING_DEBIT_PAYMENT this long before SHIPPING (0: at once). */
  debitDelayMs: number;
  /** OR23 on a SHIPPED order: 400 instead of a silent overwrite. */
  strictTracking: boolean;
  /** OR24 without an earlier OR23: 400 (Best Buy requires tracking; enforcement unconfirmed). */
  requireTrackingBeforeShip: boolean;
  /** OR21 mixing accepted and refused lines. */
  partialAcceptance: boolean;
}

/** A refusal in Mirakl's terms: HTTP status and message (the sandbox turns it into JSON). */
export class SandboxRefusal {
  constructor(readonly status: number, readonly message: string, readonly code?: string) {}
}

export interface OrderRecord {
  json: Json;
  /** Addresses Best Buy reveals only once the order is accepted. */
  hidden?: { shipping: unknown; billing: unknown };
  acceptedAt?: number;
}

/** The state as saved between runs. */
export interface BestBuySnapshot {
  version: 1;
  nextIndex: number;
  records: OrderRecord[];
  unnamed: unknown[];
  tracking: [string, TrackingCall[]][];
  ships: [string, StateCall[]][];
  accepts: [string, StateCall[]][];
  counts: [string, number][];
}

