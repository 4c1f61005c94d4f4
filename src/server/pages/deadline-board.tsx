/** @jsxImportSource hono/jsx */
import { lateRateLine, lateShipmentText, type BoardRow, type LateRate } from "../../deadlines/index.ts";
import { STATE_TITLE } from "../../status/index.ts";

/** Best Buy's late shipment rate of the last 30 days, and the orders that made it. */
function LateRateBlock({ rate }: { rate: LateRate }) {
  return (
    <div id="late-rate" class={rate.late.length > 0 ? "warn" : "notice"}>
      <strong>{lateRateLine(rate)}</strong>
      {rate.late.length > 0 ? (
        <ul>
          {rate.late.map((l) => (
            <li data-late-order={l.orderId}>{lateShipmentText(l)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One open order: overdue, due today and blocked ones stand out. */
function BoardTableRow({ r }: { r: BoardRow }) {
  const classes = [r.standsOut ? "stands-out" : "", r.timeLeft.urgency, r.blocked ? "blocked" : ""].filter(Boolean).join(" ");
  return (
    <tr class={classes} data-order={r.orderId} data-urgency={r.timeLeft.urgency} data-state={r.state}>
      <td data-label="Order">
        <a href={`/orders/${encodeURIComponent(r.orderId)}`}>{r.orderId}</a>
      </td>
      <td data-label="Name">{r.name}</td>
      <td data-label="City">{r.place}</td>
      <td data-label="Ships by" class="time-left">
        {r.timeLeft.text}
      </td>
      <td data-label="State">
        {r.blocked ? <span class="badge bad">{STATE_TITLE[r.state]}</span> : STATE_TITLE[r.state]}
      </td>
    </tr>
  );
}

/** The deadline board: what Best Buy waits to see shipped, earliest deadline first. */
export function DeadlineBoard({ board, rate }: { board: readonly BoardRow[]; rate: LateRate }) {
  return (
    <section id="deadlines">
      <h2>Deadlines</h2>
      <LateRateBlock rate={rate} />
      {board.length === 0 ? (
        <p class="muted">No order is waiting to ship.</p>
      ) : (
        <div class="table-wrap">
          <table class="stack" id="board">
            <thead>
              <tr>
                <th>Order</th>
                <th>Name</th>
                <th>City</th>
                <th>Ships by</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {board.map((r) => (
                <BoardTableRow r={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
