/** @jsxImportSource hono/jsx */
import { labelLines } from "../../address/index.ts";
import { typedInOneLine, type AddressView } from "../../ship-to/index.ts";
import { formatTime } from "./format-time.ts";
import { problemsOf, type ApiCallRow, type OrderRow } from "../status-store.ts";
import { Layout } from "./layout.tsx";

/** Bodies are shown for diagnosis, not archived: a few kilobytes are enough to see the fault. */
export const BODY_LIMIT = 4000;

export function truncate(text: string | null, limit = BODY_LIMIT): string {
  if (text === null || text === "") return "(none)";
  return text.length <= limit ? text : `${text.slice(0, limit)}\n… (${text.length - limit} more characters not shown)`;
}

/**
 * The payload as stored, made readable. api_calls never holds headers; should one ever slip
 * into a payload under a key like "headers" or "authorization", it is dropped here anyway.
 */
export function readablePayload(stored: string | null): string | null {
  if (stored === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return stored;
  }
  const scrubbed = JSON.parse(
    JSON.stringify(value, (key, v) => (/^(headers?|authorization|password|api[-_]?key)$/i.test(key) ? undefined : v)),
  ) as unknown;
  if (scrubbed && typeof scrubbed === "object" && "xml" in scrubbed && typeof scrubbed.xml === "string") return scrubbed.xml;
  return JSON.stringify(scrubbed, null, 2);
}

export interface OrderPageProps {
  mode: "sandbox" | "live";
  now: Date;
  order: OrderRow;
  calls: ApiCallRow[];
  callLimit: number;
  /** The address the label uses (the clerk's correction, else Best Buy's). */
  address?: AddressView | undefined;
}

/** Who and where, the order's and the label's state, the address the label prints, what is wrong. */
function OrderCard({ order, now, address }: { order: OrderRow; now: Date; address: AddressView | undefined }) {
  const problems = problemsOf(order.problems);
  return (
    <div class="card">
      <div>
        <strong>{order.customer_name ?? ""}</strong> {order.ship_company ? `(${order.ship_company})` : ""}{" "}
        {[order.ship_city, order.ship_province, order.ship_postal_code].filter(Boolean).join(" ")}
      </div>
      <div>
        Order: {order.status}
        {order.shipment_status ? ` · Shipment: ${order.shipment_status.replaceAll("_", " ")}` : " · No shipment yet"}
        {order.tracking_pin ? ` · PIN ${order.tracking_pin}` : ""}
        {order.printed_at ? ` · printed ${formatTime(order.printed_at, now)}` : ""}
      </div>
      {address ? (
        <div class="label-lines">
          <div class="muted">Label address{address.correction ? `, corrected in shipdesk by ${address.correction.by} (${address.correction.via}); Best Buy's: ${typedInOneLine(address.bestBuy)}` : " (Best Buy's)"}:</div>
          <pre>{labelLines(address.label).join("\n")}</pre>
        </div>
      ) : null}
      {order.attention ? <p class="fix">Order note: {order.attention}</p> : null}
      {order.shipment_attention ? <p class="fix">Shipment note: {order.shipment_attention}</p> : null}
      {order.last_error ? <p class="fix">Last error: {order.last_error}</p> : null}
      {problems.length > 0 ? (
        <ul>
          {problems.map((pr) => (
            <li>
              {pr.field ? `${pr.field}: ` : ""}
              {pr.message ?? pr.code ?? ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One call to Canada Post or Best Buy, its request and response behind a click. */
function CallRow({ call, now }: { call: ApiCallRow; now: Date }) {
  return (
    <tr data-call={String(call.call_id)}>
      <td data-label="Time">{formatTime(call.called_at, now)}</td>
      <td data-label="Service">{call.service}</td>
      <td data-label="Call">
        <div class="cell">
        <div>
          {call.endpoint}
          {call.attempt > 1 ? ` (attempt ${call.attempt})` : ""}
        </div>
        <div class="muted pin">
          {call.method} {call.url}
        </div>
        <details>
          <summary>Request and response</summary>
          <div>Request</div>
          <pre>{truncate(readablePayload(call.request_payload))}</pre>
          <div>Response</div>
          <pre>{truncate(call.response_body)}</pre>
        </details>
        </div>
      </td>
      <td data-label="Result">
        <div class="cell">
        <span class={call.is_success ? "ok" : "fail"}>
          {call.is_success ? "OK" : "Failed"} {call.status_code ?? "no answer"}
        </span>
        {call.error ? <div class="fail">{call.error}</div> : null}
        </div>
      </td>
      <td data-label="Took">{call.duration_ms} ms</td>
    </tr>
  );
}

export function OrderPage({ mode, now, order, calls, callLimit, address }: OrderPageProps) {
  return (
    <Layout title={`Order ${order.order_id}`} mode={mode} active="status">
      <h1>Order {order.order_id}</h1>
      <OrderCard order={order} now={now} address={address} />
      <h2>Calls to Canada Post and Best Buy</h2>
      {calls.length === 0 ? <p class="muted">No call has been recorded for this order.</p> : null}
      {calls.length >= callLimit ? <p class="warn">Only the first {callLimit} calls are shown.</p> : null}
      {calls.length > 0 ? (
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th>Time</th>
                <th>Service</th>
                <th>Call</th>
                <th>Result</th>
                <th>Took</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <CallRow call={call} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        <a href="/status">Back to what needs attention</a>
      </p>
    </Layout>
  );
}
