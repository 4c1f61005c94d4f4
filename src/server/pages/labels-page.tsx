/** @jsxImportSource hono/jsx */
import { TOKEN_FIELD } from "../guard.ts";
import type { LabelRow, PrintedFilter } from "../labels-store.ts";
import { formatTime } from "./format-time.ts";
import { Layout } from "./layout.tsx";
import { money } from "../../common/money.ts";

export interface ListedLabel extends LabelRow {
  /** Whether the file is where the row says (a cheap check; damage shows when it is opened). */
  fileState: "present" | "missing" | "outside";
}

export interface LabelsPageProps {
  mode: "sandbox" | "live";
  token: string;
  now: Date;
  day: string;
  printed: PrintedFilter;
  labels: ListedLabel[];
  notice?: string | undefined;
  noticeLink?: { href: string; text: string } | undefined;
  /** The printer the picked labels can be sent to (printer.*), if one is set. */
  printer?: string | undefined;
}

const FILTERS: Array<[PrintedFilter, string]> = [
  ["all", "All"],
  ["unprinted", "Not printed"],
  ["printed", "Printed"],
];

function PrintedCell({ label, now }: { label: ListedLabel; now: Date }) {
  if (label.fileState === "missing") return <span class="badge bad">File missing</span>;
  if (label.fileState === "outside") return <span class="badge bad">Refused: outside labels folder</span>;
  if (label.printed_at) return <span class="badge printed">Printed {formatTime(label.printed_at, now)}</span>;
  return <span class="badge unprinted">Not printed</span>;
}

function DayFilter({ day, printed }: { day: string; printed: PrintedFilter }) {
  return (
    <form class="filter" method="get" action="/">
      <label>
        Day
        <input type="date" name="date" value={day} />
      </label>
      <label>
        Show
        <select name="printed">
          {FILTERS.map(([value, text]) => (
            <option value={value} selected={value === printed}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  );
}

function LabelTableRow({ label: l, now }: { label: ListedLabel; now: Date }) {
  return (
    <tr data-shipment={String(l.shipment_id)} data-order={l.order_id}>
      <td class="no-print" data-label="Pick">
        <input
          type="checkbox"
          name="id"
          value={String(l.shipment_id)}
          aria-label={`Pick order ${l.order_id}`}
          checked={!l.printed_at && l.fileState === "present"}
        />
      </td>
      <td data-label="Order">{l.order_id}</td>
      <td data-label="Name">{l.customer_name ?? ""}</td>
      <td data-label="City">
        {l.ship_city ?? ""}
        {l.ship_province ? `, ${l.ship_province}` : ""}
      </td>
      <td class="pin" data-label="PIN">{l.tracking_pin ?? ""}</td>
      <td data-label="Service">{l.service_code ?? ""}</td>
      <td class="price" data-label="Price">{l.price === null ? "–" : money(l.price)}</td>
      <td class="opt">{formatTime(l.label_created_at, now)}</td>
      <td class="printed-cell" data-label="Printed">
        <PrintedCell label={l} now={now} />
      </td>
      <td class="no-print" data-label="Label">
        {/* A ZPL label is shown as the printer prints it (an image drawn here). */}
        <a href={`/labels/${l.shipment_id}.${l.label_pdf_path.toLowerCase().endsWith(".zpl") ? "png" : "pdf"}`} target="_blank">
          View
        </a>{" "}
        <button class="small secondary" type="submit" formaction={`/labels/${l.shipment_id}/reprint`} name="reprint" value={String(l.shipment_id)}>
          Reprint
        </button>
      </td>
    </tr>
  );
}

/** The day's labels to pick, print as one PDF, mark printed or reprint. */
function LabelsForm(p: LabelsPageProps) {
  return (
    <form method="post" action="/labels/printed" id="labels-form">
      <input type="hidden" name={TOKEN_FIELD} value={p.token} />
      <input type="hidden" name="date" value={p.day} />
      <input type="hidden" name="printed" value={p.printed} />
      <div class="table-wrap">
        <table class="stack">
          <thead>
            <tr>
              <th class="no-print">
                <span class="muted">Pick</span>
              </th>
              <th>Order</th>
              <th>Name</th>
              <th>City</th>
              <th>Tracking PIN</th>
              <th>Service</th>
              <th>Price</th>
              <th class="opt">Made</th>
              <th>Printed</th>
              <th class="no-print">Label</th>
            </tr>
          </thead>
          <tbody>
            {p.labels.map((l) => (
              <LabelTableRow label={l} now={p.now} />
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        {p.printer ? (
          <button type="submit" formaction="/labels/send" id="send-to-printer" title={`Sends the picked labels to ${p.printer}; one printed before is printed again`}>
            Send picked to the printer
          </button>
        ) : null}
        <button type="submit" formaction="/labels/merge" formtarget="_blank" id="print-selected" class={p.printer ? "secondary" : undefined}>
          Open picked as one PDF
        </button>
        <button type="submit" class="secondary" id="mark-printed">
          Mark picked as printed
        </button>
      </div>
    </form>
  );
}

export function LabelsPage(p: LabelsPageProps) {
  const unprinted = p.labels.filter((l) => !l.printed_at).length;
  const priced = p.labels.filter((l) => l.price !== null);
  const total = priced.reduce((sum, l) => sum + (l.price ?? 0), 0);
  const mergedAll = `/labels/merged.pdf?date=${p.day}`;
  return (
    <Layout title={`Labels ${p.day}`} mode={p.mode} active="labels">
      <h1>Labels of {p.day}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice} {p.noticeLink ? <a href={p.noticeLink.href} target="_blank">{p.noticeLink.text}</a> : null}
        </p>
      ) : null}
      <DayFilter day={p.day} printed={p.printed} />
      <p class="muted" id="summary">
        {p.labels.length} {p.labels.length === 1 ? "label" : "labels"} shown, {unprinted} not printed.{" "}
        <span id="day-total">
          {money(total)} taxes included{priced.length < p.labels.length ? ` (${p.labels.length - priced.length} without a price)` : ""}.
        </span>
      </p>
      {unprinted > 0 ? (
        <div class="actions">
          <a class="button" href={mergedAll} target="_blank" id="print-unprinted">
            Open all not printed as one PDF ({unprinted})
          </a>
          <a class="button secondary" href={`${mergedAll}&download=1`} id="download-unprinted">
            Download that PDF
          </a>
        </div>
      ) : null}
      {p.labels.length === 0 ? (
        <p>No labels for this day and filter.</p>
      ) : (
        <LabelsForm {...p} />
      )}
    </Layout>
  );
}
