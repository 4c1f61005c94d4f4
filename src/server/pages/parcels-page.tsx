/** @jsxImportSource hono/jsx */
import { money } from "../../common/money.ts";
import { PARCEL_STATES, STATE_WORDS, type ListedParcel, type ParcelState } from "../../parcels/index.ts";
import { refundsLine, type LateRefund } from "../../status/index.ts";
import { TOKEN_FIELD } from "../guard.ts";
import { formatTime } from "./format-time.ts";
import { Layout } from "./layout.tsx";

export interface ParcelsPageProps {
  mode: "sandbox" | "live";
  now: Date;
  parcels: ListedParcel[];
  state: ParcelState | undefined;
  refunds: LateRefund[];
  token: string;
  /** The page can ask Canada Post for a delivery certificate. */
  canFetchProof: boolean;
  notice?: { text: string; bad: boolean } | undefined;
}

/** A state's badge: green once delivered, red when a person must look. */
function State({ p }: { p: ListedParcel }) {
  const tone = p.attention && p.attention !== p.handled ? "bad" : p.state === "delivered" ? "printed" : "unprinted";
  return <span class={`badge ${tone}`}>{STATE_WORDS[p.state]}{p.late ? ", late" : ""}</span>;
}

function Proof({ p, token, canFetch }: { p: ListedParcel; token: string; canFetch: boolean }) {
  if (p.proof_pdf_path) {
    return (
      <a href={`/parcels/${encodeURIComponent(p.tracking_pin)}/proof.pdf`} target="_blank" rel="noopener">
        Delivery certificate
      </a>
    );
  }
  if (p.state !== "delivered" || !canFetch) return null;
  return (
    <form method="post" action={`/parcels/${encodeURIComponent(p.tracking_pin)}/proof`} class="no-print">
      <input type="hidden" name={TOKEN_FIELD} value={token} />
      <button type="submit" class="small secondary">Get the delivery certificate</button>
    </form>
  );
}

function Row({ p, now, token, canFetch }: { p: ListedParcel; now: Date; token: string; canFetch: boolean }) {
  const expected = p.changed_delivery && p.changed_delivery !== p.expected_delivery ? `${p.expected_delivery ?? "?"} → ${p.changed_delivery}` : (p.expected_delivery ?? "");
  return (
    <tr data-pin={p.tracking_pin} data-state={p.state}>
      <td data-label="Order">
        <a href={`/orders/${encodeURIComponent(p.order_id)}`}>{p.order_id}</a>
        <div class="pin muted">{p.tracking_pin}</div>
      </td>
      <td data-label="State">
        <State p={p} />
        {p.state === "attempted" && p.post_office ? <div>Waits at {p.post_office}{p.held_until ? ` until ${p.held_until}` : ""}</div> : null}
      </td>
      <td data-label="Last event">
        {p.last_event_text ? (
          <>
            {formatTime(p.last_event_at, now)} {p.last_event_text}
            {p.last_event_place ? <span class="muted">, {p.last_event_place}</span> : null}
          </>
        ) : (
          <span class="muted">no scan yet</span>
        )}
      </td>
      <td data-label="Expected">{expected}</td>
      <td data-label="Delivered">
        {p.delivered_at ? formatTime(p.delivered_at, now) : ""}
        {p.signed_by ? <div class="muted">signed by {p.signed_by}</div> : null}
        {p.late && p.guaranteed && p.paid !== null ? <div>refund {money(p.paid)}, claim by {p.claim_by}</div> : null}
      </td>
      <td data-label="Proof">
        <Proof p={p} token={token} canFetch={canFetch} />
      </td>
    </tr>
  );
}

/** Every parcel followed: its state, last event (local time), dates; the refunds to claim; the proofs. */
export function ParcelsPage({ mode, now, parcels, state, refunds, token, canFetchProof, notice }: ParcelsPageProps) {
  return (
    <Layout title="Parcels" mode={mode} active="parcels">
      <h1>Parcels</h1>
      {notice ? <p class={notice.bad ? "warn" : "notice"}>{notice.text}</p> : null}
      {refunds.length > 0 ? (
        <div class="warn">
          {refundsLine(refunds)}
          <ul>
            {refunds.map((r) => (
              <li>
                <a href={`/orders/${encodeURIComponent(r.order_id)}`}>{r.order_id}</a> (PIN {r.tracking_pin}, {r.service_code}): delivered {r.delivered_on}, promised {r.expected_delivery};{" "}
                {r.paid !== null ? money(r.paid) : "price unknown"}, claim by {r.claim_by}
                {r.claimed ? " (marked as claimed)" : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/parcels" class="filter">
        <label>
          State
          <select name="state">
            <option value="">all</option>
            {PARCEL_STATES.map((s) => (
              <option value={s} selected={s === state}>
                {STATE_WORDS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {parcels.length === 0 ? (
        <p>No parcel {state ? `is ${STATE_WORDS[state]}` : "is followed yet"}. A parcel is followed from the first shipdesk track (or --auto) after its label is bought.</p>
      ) : (
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th>Order</th>
                <th>State</th>
                <th>Last event</th>
                <th>Expected</th>
                <th>Delivered</th>
                <th>Proof</th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((p) => (
                <Row p={p} now={now} token={token} canFetch={canFetchProof} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
