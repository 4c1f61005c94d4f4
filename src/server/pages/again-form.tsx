/** @jsxImportSource hono/jsx */
import { SERVICES } from "../../rates/index.ts";
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
}

/**
 * Under a Needs attention card: the Canada Post service for its orders (blank keeps what each
 * has: the clerk's earlier choice, or the settings'), and either "buy again" (built afresh and
 * quoted again, as shipdesk ship --retry) or just saving the service for the next run.
 */
export function AgainForm({ orderIds, token, action, button, mode }: AgainFormProps) {
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
          {SERVICES.map((s) => (
            <option value={s.code}>{`${s.code} ${s.name}`}</option>
          ))}
        </select>
      </label>
      <button type="submit">{button}</button>
      {action === "buy" && mode === "live" ? <span class="muted">Billed to your Canada Post account.</span> : null}
    </form>
  );
}
