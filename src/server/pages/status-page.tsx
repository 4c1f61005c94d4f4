/** @jsxImportSource hono/jsx */
import { formatTime } from "../local-day.ts";
import { problemsOf, type OrderAttentionRow, type ShipmentAttentionRow } from "../status-store.ts";
import { Layout } from "./layout.tsx";

export interface StatusPageProps {
  mode: "sandbox" | "live";
  now: Date;
  orders: OrderAttentionRow[];
  shipments: ShipmentAttentionRow[];
}

/** Why a shipment is listed and what the clerk does about it, in words. */
export function shipmentAdvice(s: ShipmentAttentionRow, now: Date): { why: string; fix: string } {
  if (s.attention) return { why: s.attention, fix: "Do what the note says, then clear it once done." };
  if (s.status === "label_failed") {
    return {
      why: `Canada Post refused the label: ${s.last_error ?? "no reason was given"}.`,
      fix: "Correct what Canada Post objected to (usually the address or the weight), then retry this order from shipdesk ship; failed labels are retried only when asked.",
    };
  }
  const minutes = Math.max(1, Math.round((now.getTime() - new Date(s.updated_at).getTime()) / 60000));
  return {
    why: `A label was requested ${minutes} minutes ago and no answer was recorded (a lost reply or a crash).`,
    fix: "Run shipdesk ship again: it first asks Canada Post whether this label exists and adopts it, so nothing is bought twice.",
  };
}

export function StatusPage({ mode, now, orders, shipments }: StatusPageProps) {
  const nothing = orders.length === 0 && shipments.length === 0;
  return (
    <Layout title="Needs attention" mode={mode} active="status">
      <h1>Needs attention</h1>
      {nothing ? (
        <p class="notice">Nothing needs a person right now.</p>
      ) : (
        <p class="muted">
          {orders.length} {orders.length === 1 ? "order" : "orders"} and {shipments.length}{" "}
          {shipments.length === 1 ? "shipment" : "shipments"} need a person.
        </p>
      )}
      {shipments.length > 0 ? <h2>Shipments</h2> : null}
      {shipments.map((s) => {
        const advice = shipmentAdvice(s, now);
        return (
          <div class="card" data-shipment={String(s.shipment_id)}>
            <h3>
              <a href={`/orders/${encodeURIComponent(s.order_id)}`}>Order {s.order_id}</a>{" "}
              <span class="badge bad">{s.status.replaceAll("_", " ")}</span>
            </h3>
            <div class="muted">
              {s.customer_name ?? ""} {s.ship_city ? `· ${s.ship_city}` : ""} · {s.attempts} attempts · last change{" "}
              {formatTime(s.updated_at, now)}
            </div>
            <p class="fix">
              <strong>Why:</strong> {advice.why}
            </p>
            <p class="fix">
              <strong>Fix:</strong> {advice.fix}
            </p>
          </div>
        );
      })}
      {orders.length > 0 ? <h2>Orders</h2> : null}
      {orders.map((o) => {
        const problems = problemsOf(o.problems);
        return (
          <div class="card" data-order={o.order_id}>
            <h3>
              <a href={`/orders/${encodeURIComponent(o.order_id)}`}>Order {o.order_id}</a>{" "}
              <span class="badge unprinted">{o.status}</span>
            </h3>
            <div class="muted">
              {o.customer_name ?? ""} {o.ship_city ? `· ${o.ship_city}` : ""}
            </div>
            {o.attention ? (
              <p class="fix">
                <strong>Note:</strong> {o.attention}
              </p>
            ) : null}
            {problems.length > 0 ? (
              <>
                <ul>
                  {problems.map((pr) => (
                    <li>
                      {pr.field ? <strong>{pr.field}: </strong> : null}
                      {pr.message ?? pr.code ?? "a problem with no description"}
                    </li>
                  ))}
                </ul>
                <p class="fix">
                  <strong>Fix:</strong> Correct the order in the Best Buy seller portal (or set a weight or service
                  override), then sync the orders again; it ships once no problem is left.
                </p>
              </>
            ) : null}
          </div>
        );
      })}
    </Layout>
  );
}
