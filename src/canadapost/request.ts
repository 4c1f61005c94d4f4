import type { CanadaPostSettings } from "../config/index.ts";

/** The recipient, already normalised (codes, digits); the builder still enforces every limit. */
export interface Recipient {
  name: string;
  company?: string | undefined;
  /** additional-address-info: remarks moved off the street lines ("rear entrance"). */
  additionalInfo?: string | undefined;
  addressLine1: string;
  addressLine2?: string | undefined;
  city: string;
  /** Two-letter province or territory code. */
  province: string;
  /** Upper case, no space: K1A0B1. */
  postalCode: string;
  /** ISO alpha-2. */
  country: string;
  /** Digits only. */
  phone?: string | undefined;
  email?: string | undefined;
}

export interface Parcel {
  weightKg: number;
  dimensionsCm?: { length: number; width: number; height: number } | undefined;
}

/** One Create Shipment, typed. */
export interface ShipmentRequest {
  /** customer-request-id: deterministic per attempt (from the shipment row), ≤35 characters. */
  requestId: string;
  /** Best Buy's order id: customer-ref-1, and the audit's related id. */
  orderId: string;
  recipient: Recipient;
  parcel: Parcel;
  /** customer-ref-2, e.g. the SKUs; shortened to fit. */
  reference2?: string | undefined;
  /** Overrides the settings' service code. */
  serviceCode?: string | undefined;
  /** The day the parcel leaves: names the manifest group (local date); defaults to today. */
  mailingDate?: Date | undefined;
}

/** What the request builder needs from the settings. */
export type ShipmentSettings = Pick<
  CanadaPostSettings,
  "serviceCode" | "labelFormat" | "labelEncoding" | "manifest" | "contractId" | "methodOfPayment" | "sender"
>;

/** The daily manifest group: YYYYMMDD of the local date. */
export function groupIdFor(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}${m}${d}`;
}
