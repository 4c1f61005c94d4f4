/**
 * The sentence a person reads on an order (and its shipment) that Best Buy cancelled or refused
 * after its label was bought. The intake flags it when a sync sees the cancellation first, the
 * tracking workflow when Best Buy refuses its tracking for that reason: one sentence for one
 * situation, whichever finds it.
 */
export const cancelledAfterLabel = (orderId: string, how: "cancelled" | "refused" = "cancelled"): string =>
  `Order ${orderId} was ${how} at Best Buy after its Canada Post label was bought: do not ship the parcel, and void the label (shipdesk void ${orderId}) to get the postage back.`;
