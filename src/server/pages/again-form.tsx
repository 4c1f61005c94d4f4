/** @jsxImportSource hono/jsx */
import { optionText, SERVICES } from "../../rates/index.ts";
import type { OrderServices } from "../quotes-store.ts";
import { TOKEN_FIELD } from "../guard.ts";

export interface AgainFormProps {
  /** Every order of the card: one form buys (or sets the service of) all of them. */
  orderIds: readonly string[];
  token: string;
  /** "buy": a refused or cancelled label bought again, with the service picked; "service": only the service kept. */
  action: "buy" | "service";
  /** The button's words. */
  button: string;
  mode: "sandbox" | "live";
  /** One order's services with the prices and dates kept when it was last priced (a card of one order). */
  services?: OrderServices | undefined;
}

/** Each service, with its price and date and LATE when it arrives after Best Buy's promise, when known. */
function ServiceOptions({ services }: { services: OrderServices | undefined }) {
  if (!services?.quoted) return <>{SERVICES.map((s) => <option value={s.code}>{`${s.code} ${s.name}`}</option>)}</>;
  return (
    <>
      {services.options.map((o) => (
        <option value={o.code} data-late={o.late ? "1" : undefined}>
          {optionText(o, services.promise)}
        </option>
      ))}
    </>
  );
}

/**
 * Under a Needs attention card: the Canada Post service for its orders (blank keeps what each
 * has: the clerk's earlier choice, or the settings'), and either "buy again" (built afresh and
 * quoted again, as shipdesk ship --retry) or just saving the service for the next run. A service
 * that arrives after Best Buy's promise is marked LATE, and choosing it asks once more.
 */
export function AgainForm({ orderIds, token, action, button, mode, services }: AgainFormProps) {
  return (
    <form method="post" action={action === "buy" ? "/orders/again" : "/orders/service"} class="again-form actions">
      <input type="hidden" name={TOKEN_FIELD} value={token} />
      {orderIds.map((id) => (
        <input type="hidden" name="order" value={id} />
      ))}
      <label>
        Service
        <select name="service">
          <option value="">{action === "buy" ? "as it is now" : "choose one"}</option>
          <ServiceOptions services={services} />
        </select>
      </label>
      <button type="submit">{button}</button>
      {services?.quoted ? <span class="muted">Prices and dates as Canada Post quoted them when the label was last priced.</span> : null}
      {action === "buy" && mode === "live" ? <span class="muted">Billed to your Canada Post account.</span> : null}
    </form>
  );
}
