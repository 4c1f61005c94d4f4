import { addBusinessDays } from "../common/calendar.ts";

/**
 * The services whose delivery date Canada Post guarantees to a commercial customer (its service
 * guarantee: Priority, Xpresspost, and Expedited Parcel under a contract), so a late one is
 * refunded when the sender claims it. Regular Parcel's date is a standard, not a guarantee.
 */
export const GUARANTEED_SERVICES: ReadonlySet<string> = new Set(["DOM.PC", "DOM.XP", "DOM.XP.CERT", "DOM.EP"]);

/** Canada Post takes a service-guarantee claim within 30 business days of the delivery. */
export const CLAIM_BUSINESS_DAYS = 30;

export const isGuaranteed = (serviceCode: string | null | undefined): boolean => serviceCode != null && GUARANTEED_SERVICES.has(serviceCode);

/**
 * Delivered after the date promised when it was mailed (Canada Post's expected delivery date;
 * a date it changed on the way is no new promise), and not attempted by then (a notice card on
 * time keeps the promise, however late the pickup); the last day to claim, weekends skipped
 * (statutory holidays are not: the day given is never later than Canada Post's own).
 */
export function lateness(deliveredOn: string | undefined, promised: string | undefined, firstAttemptOn?: string): { late: boolean; claimBy: string | undefined } {
  if (!deliveredOn || !promised || deliveredOn <= promised) return { late: false, claimBy: undefined };
  if (firstAttemptOn !== undefined && firstAttemptOn <= promised) return { late: false, claimBy: undefined };
  return { late: true, claimBy: addBusinessDays(deliveredOn, CLAIM_BUSINESS_DAYS) };
}
