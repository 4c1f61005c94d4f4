/** @jsxImportSource hono/jsx */
import type { AddressView, CorrectionField } from "../../ship-to/index.ts";
import { ATTENTION_TITLE, isOrderAttention, type Attention } from "../../status/index.ts";
import { timeLeft, type BoardRow, type LateRate } from "../../deadlines/index.ts";
import type { OrderServices } from "../quotes-store.ts";
import { formatTime } from "./format-time.ts";
import { AddressForm } from "./address-form.tsx";
import { AgainForm } from "./again-form.tsx";
import { DeadlineBoard } from "./deadline-board.tsx";
import { LateConfirm, type LateChoice } from "./late-confirm.tsx";
import { Layout } from "./layout.tsx";

export interface StatusPageProps {
  mode: "sandbox" | "live";
  now: Date;
  /** The same list, reasons and fixes as `shipdesk status` (src/status/). */
  attention: Attention[];
  token: string;
  /** Orders with an address problem: the correction form goes under their first card. */
  addresses: ReadonlyMap<string, AddressView>;
  /** A correction the page refused: the form shows what was typed and why. */
  refusedForm?: { orderId: string; typed: Partial<Record<CorrectionField, string>>; refused: string[] } | undefined;
  notice?: string | undefined;
  /** The page can buy labels (shipdesk serve, the desk): "buy again" buttons are offered. */
  canBuy?: boolean;
  /** The open orders, earliest deadline first, and Best Buy's late shipment rate. */
  board?: readonly BoardRow[] | undefined;
  lateRate?: LateRate | undefined;
  /** Each order's services with the prices and dates kept (the service forms list them). */
  services?: ReadonlyMap<string, OrderServices> | undefined;
  /** A service choice that arrives after Best Buy's promise, waiting for the clerk's yes. */
  late?: LateChoice | undefined;
}

/** The orders an item names, each a link to its page. */
function Who({ a }: { a: Attention }) {
  if (!isOrderAttention(a.kind)) return <span>{a.orderId}</span>;
  const link = (id: string) => <a href={`/orders/${encodeURIComponent(id)}`}>{id}</a>;
  if (a.orderIds.length <= 1) return <a href={`/orders/${encodeURIComponent(a.orderId)}`}>Order {a.orderId}</a>;
  return (
    <span>
      {a.orderIds.length} orders:{" "}
      {a.orderIds.map((id, i) => (
        <>
          {i > 0 ? ", " : ""}
          {link(id)}
        </>
      ))}
    </span>
  );
}

/** Buy again (a refused or cancelled label) or choose the service (an order still waiting). */
function Actions({ a, token, mode, canBuy, services }: { a: Attention; token: string; mode: "sandbox" | "live"; canBuy: boolean; services: OrderServices | undefined }) {
  const n = a.orderIds.length;
  const form = { orderIds: a.orderIds, token, mode, services };
  if (canBuy && a.kind === "label_failed") return <AgainForm {...form} action="buy" button={n === 1 ? "Buy the label again" : `Buy the ${n} labels again`} />;
  if (canBuy && a.kind === "voided_no_label") return <AgainForm {...form} action="buy" button={n === 1 ? "Buy a new label" : `Buy ${n} new labels`} />;
  if (a.kind === "label_failed" || a.kind === "voided_no_label" || a.kind === "problem") return <AgainForm {...form} action="service" button="Save the service" />;
  return null;
}

export function StatusPage({ mode, now, attention, token, addresses, refusedForm, notice, canBuy = false, board, lateRate, services, late }: StatusPageProps) {
  const formShown = new Set<string>();
  const formsFor = (a: Attention) => {
    if (a.kind !== "problem" && a.kind !== "label_failed") return null;
    return a.orderIds.map((id) => {
      const view = addresses.get(id);
      if (!view || formShown.has(id)) return null;
      formShown.add(id);
      const refused = refusedForm?.orderId === id ? refusedForm : undefined;
      return (
        <>
          {a.orderIds.length > 1 ? <h4>Order {id}</h4> : null}
          <AddressForm view={view} token={token} now={now} typed={refused?.typed} refused={refused?.refused} />
        </>
      );
    });
  };
  return (
    <Layout title="Needs attention" mode={mode} active="status">
      <h1>Needs attention</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {late ? <LateConfirm late={late} token={token} /> : null}
      {board && lateRate ? <DeadlineBoard board={board} rate={lateRate} /> : null}
      <h2>What needs a person, earliest deadline first</h2>
      {attention.length === 0 ? (
        <p class="notice">Nothing needs a person right now.</p>
      ) : (
        <p class="muted">
          {attention.length} {attention.length === 1 ? "thing needs" : "things need"} a person.
        </p>
      )}
      {attention.map((a) => (
        <div class="card" data-order={isOrderAttention(a.kind) ? a.orderId : undefined} data-orders={a.orderIds.join(" ") || undefined} data-kind={a.kind}>
          <h3>
            <Who a={a} /> <span class="badge bad">{ATTENTION_TITLE[a.kind]}</span>
          </h3>
          <div class="muted">
            since {formatTime(a.since, now)}
            {a.deadline ? <span class={`time-left ${timeLeft(a.deadline, now).urgency}`}> · {timeLeft(a.deadline, now).text}</span> : null}
          </div>
          <p class="fix">
            <strong>Why:</strong> {a.reason}
          </p>
          {a.details.length > 0 ? (
            <ul class="details">
              {a.details.map((d) => (
                <li class="pin">{d}</li>
              ))}
            </ul>
          ) : null}
          <p class="fix">
            <strong>Fix:</strong> {a.fix}
          </p>
          <Actions a={a} token={token} mode={mode} canBuy={canBuy} services={a.orderIds.length === 1 ? services?.get(a.orderId) : undefined} />
          {formsFor(a)}
        </div>
      ))}
    </Layout>
  );
}
