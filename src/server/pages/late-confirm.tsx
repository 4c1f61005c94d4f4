/** @jsxImportSource hono/jsx */
import { TOKEN_FIELD } from "../guard.ts";

/** A choice that arrives after Best Buy's promise, held back until the clerk says it is meant. */
export interface LateChoice {
  /** Where the form posts again, with late_ok: "/orders/again" or "/orders/service". */
  action: string;
  orderIds: string[];
  service: string;
  /** One sentence per order that would arrive late. */
  warnings: string[];
  button: string;
}

/** Asked once: the dates, then "anyway" (the same form again, with late_ok) or back. */
export function LateConfirm({ late, token }: { late: LateChoice; token: string }) {
  return (
    <div class="card late-confirm" role="alert">
      <h3>
        {late.service} arrives after Best Buy's promise <span class="badge bad">late</span>
      </h3>
      <ul>
        {late.warnings.map((w) => (
          <li>{w}</li>
        ))}
      </ul>
      <p>Nothing was changed yet.</p>
      <form method="post" action={late.action} class="actions">
        <input type="hidden" name={TOKEN_FIELD} value={token} />
        {late.orderIds.map((id) => (
          <input type="hidden" name="order" value={id} />
        ))}
        <input type="hidden" name="service" value={late.service} />
        <input type="hidden" name="late_ok" value="1" />
        <button type="submit" id="late-ok">
          {late.button}
        </button>
        <a class="button secondary" href="/status">
          Back: choose another service
        </a>
      </form>
    </div>
  );
}
