import type { Queryable } from "../db/index.ts";
import { allowedServices, isServiceCode, serviceWithName } from "../rates/index.ts";
import serviceStateSql from "../../sql/orders/service_state.sql" with { type: "text" };
import setServiceSql from "../../sql/orders/set_service.sql" with { type: "text" };

/**
 * What became of the clerk's choice: saved; refused because the code or the order is wrong
 * (`unknown`: a command-line mistake, exit 2); or refused because the order's label is past
 * choosing (bought, or being bought).
 */
export type ServiceChange = { ok: true; message: string } | { ok: false; unknown: boolean; message: string };

interface ServiceState {
  order_id: string;
  status: string;
  attention: string | null;
  service_override: string | null;
  label_status: string | null;
  service_code: string | null;
  tracking_pin: string | null;
}

/**
 * The clerk's Canada Post service for one order (`null`: back to what the settings choose), for
 * an order still waiting for a label, one whose label Canada Post refused, or one whose label was
 * voided: the next label of it is built with this service and quoted again. Checked against the
 * services shipdesk offers; never changed under a label bought or being bought.
 */
export async function setOrderService(db: Queryable, orderId: string, code: string | null): Promise<ServiceChange> {
  const wanted = code === null ? null : code.trim().toUpperCase();
  if (wanted !== null && !isServiceCode(wanted)) {
    return { ok: false, unknown: true, message: `"${code}" is not a Canada Post service shipdesk can choose for an order; use one of ${allowedServices()}.` };
  }
  const [state] = await db.query<ServiceState & Record<string, unknown>>(serviceStateSql, [orderId]);
  if (!state) return { ok: false, unknown: true, message: `There is no order ${orderId} in shipdesk; run shipdesk orders sync, or check the number.` };
  const refusal = refusedFor(state);
  if (refusal) return { ok: false, unknown: false, message: refusal };
  const saved = await db.query(setServiceSql, [orderId, wanted]);
  if (saved.length === 0) return { ok: false, unknown: false, message: `The label of order ${orderId} started being bought just now; its service stays as it was.` };
  const what = wanted === null ? "goes back to the service the settings choose (canadapost.service, or its SKU's preset)" : `will ship ${serviceWithName(wanted)}`;
  return { ok: true, message: `Order ${orderId} ${what}; ${nextStep(state)}` };
}

function refusedFor(s: ServiceState): string | undefined {
  const id = s.order_id;
  if (s.status !== "accepted") return `Order ${id} is ${s.status.replaceAll("_", " ")} at Best Buy, so shipdesk buys it no label; its service is not changed.`;
  switch (s.label_status) {
    case "label_creation_initiated":
      return `The label of order ${id} is being bought, or a run stopped while buying it; run shipdesk ship first (it finishes the label, never buying twice), then choose the service of a new label only if you void that one.`;
    case "label_created":
    case "tracking_updated":
      return `The label of order ${id} is already bought (${s.service_code ?? "its service"}, PIN ${s.tracking_pin ?? "unknown"}); to ship it another way, void it first (shipdesk void ${id} --reship), then choose the service.`;
    default:
      return undefined;
  }
}

function nextStep(s: ServiceState): string {
  switch (s.label_status) {
    case "label_failed":
      return `buy its refused label again with shipdesk ship --retry ${s.order_id} (quoted again with this service).`;
    case "voided":
    case "refund_requested":
      return `its label was cancelled: shipdesk void ${s.order_id} --reship, then shipdesk ship buys the new one with it.`;
    default:
      return "the next shipdesk ship buys its label with it.";
  }
}
