/** @jsxImportSource hono/jsx */
import { labelLines } from "../../address/index.ts";
import { CORRECTION_FIELDS, FIELD_LABELS, typedInOneLine, type AddressView, type CorrectionField } from "../../ship-to/index.ts";
import { TOKEN_FIELD } from "../guard.ts";
import { formatTime } from "./format-time.ts";

export interface AddressFormProps {
  view: AddressView;
  token: string;
  now: Date;
  /** What the clerk typed, when a save was refused: shown again, not lost. */
  typed?: Partial<Record<CorrectionField, string>> | undefined;
  /** Why it was refused, one sentence each. */
  refused?: string[] | undefined;
}

/**
 * The clerk's correction of an order's address, on the Needs attention page: the label's lines
 * as they print, every field, Best Buy's address beside (sellers cannot change it there).
 */
export function AddressForm({ view, token, now, typed, refused }: AddressFormProps) {
  const id = view.orderId;
  const value = (f: CorrectionField) => typed?.[f] ?? view.current[f] ?? "";
  return (
    <div class="address" id={`address-${id}`}>
      <div class="label-lines">
        <div class="muted">The label {view.problems.length > 0 ? "would read" : "will read"}:</div>
        <pre>{labelLines(view.label).join("\n")}</pre>
      </div>
      <p class="muted">
        {view.correction
          ? `Corrected in shipdesk by ${view.correction.by} (${view.correction.via}), ${formatTime(view.correction.at, now)}. Best Buy's address${view.bestBuyChanged ? " (changed since)" : ""}: ${typedInOneLine(view.bestBuy)}.`
          : "Best Buy's address, as the customer gave it. A seller cannot change it at Best Buy: correct it here, and Best Buy's is kept beside your correction."}
      </p>
      {refused && refused.length > 0 ? (
        <div class="warn" role="alert">
          <strong>Not saved:</strong>
          <ul>
            {refused.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.locked ? (
        <p class="warn">{view.locked}</p>
      ) : (
        <form method="post" action={`/orders/${encodeURIComponent(id)}/address`} class="address-form">
          <input type="hidden" name={TOKEN_FIELD} value={token} />
          {CORRECTION_FIELDS.map((f) => (
            <label>
              {FIELD_LABELS[f]}
              <input name={f} value={value(f)} autocomplete="off" />
            </label>
          ))}
          <div class="actions">
            <button type="submit" name="action" value="save">
              Save the corrected address
            </button>
            {view.bestBuyChanged ? (
              <button type="submit" name="action" value="confirm" class="secondary">
                Keep my correction
              </button>
            ) : null}
            {view.correction ? (
              <button type="submit" name="action" value="drop" class="secondary">
                Go back to Best Buy's address
              </button>
            ) : null}
          </div>
        </form>
      )}
    </div>
  );
}
