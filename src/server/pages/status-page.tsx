/** @jsxImportSource hono/jsx */
import type { AddressView, CorrectionField } from "../../ship-to/index.ts";
import { ATTENTION_TITLE, isOrderAttention, type Attention } from "../../status/report.ts";
import { formatTime } from "../local-day.ts";
import { AddressForm } from "./address-form.tsx";
import { Layout } from "./layout.tsx";

export interface StatusPageProps {
  mode: "sandbox" | "live";
  now: Date;
  /** The same list, reasons and fixes as `shipdesk status` (src/status/report.ts). */
  attention: Attention[];
  token: string;
  /** Orders with an address problem: the correction form goes under their first card. */
  addresses: ReadonlyMap<string, AddressView>;
  /** A correction the page refused: the form shows what was typed and why. */
  refusedForm?: { orderId: string; typed: Partial<Record<CorrectionField, string>>; refused: string[] } | undefined;
  notice?: string | undefined;
}

export function StatusPage({ mode, now, attention, token, addresses, refusedForm, notice }: StatusPageProps) {
  const formShown = new Set<string>();
  const formFor = (a: Attention) => {
    const view = a.kind === "problem" || a.kind === "label_failed" ? addresses.get(a.orderId) : undefined;
    if (!view || formShown.has(a.orderId)) return null;
    formShown.add(a.orderId);
    const refused = refusedForm?.orderId === a.orderId ? refusedForm : undefined;
    return <AddressForm view={view} token={token} now={now} typed={refused?.typed} refused={refused?.refused} />;
  };
  return (
    <Layout title="Needs attention" mode={mode} active="status">
      <h1>Needs attention</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {attention.length === 0 ? (
        <p class="notice">Nothing needs a person right now.</p>
      ) : (
        <p class="muted">
          {attention.length} {attention.length === 1 ? "thing needs" : "things need"} a person.
        </p>
      )}
      {attention.map((a) => (
        <div class="card" data-order={isOrderAttention(a.kind) ? a.orderId : undefined} data-kind={a.kind}>
          <h3>
            {isOrderAttention(a.kind) ? <a href={`/orders/${encodeURIComponent(a.orderId)}`}>Order {a.orderId}</a> : <span>{a.orderId}</span>}{" "}
            <span class="badge bad">{ATTENTION_TITLE[a.kind]}</span>
          </h3>
          <div class="muted">since {formatTime(a.since, now)}</div>
          <p class="fix">
            <strong>Why:</strong> {a.reason}
          </p>
          <p class="fix">
            <strong>Fix:</strong> {a.fix}
          </p>
          {formFor(a)}
        </div>
      ))}
    </Layout>
  );
}
