import type { App } from "../../app/app.ts";
import { setOrderService } from "../../orders/index.ts";
import { isServiceCode, lateWarning, onTimeAlternatives, optionPrice, orderPromise, priceOrder, promised, serviceOptions, type ServiceOption } from "../../rates/index.ts";
import { orderToPrice, ordersToBuyAgain, shippableOrders } from "../../shipping/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { CommandResult } from "../../app/commands/result.ts";

export interface ServiceArgs {
  order: string;
  /** null: --drop, back to what the settings choose. */
  service: string | null;
  /** --late-ok: a service that arrives after Best Buy's promise, chosen knowingly. */
  lateOk: boolean;
}

/** The chosen service as Canada Post quotes it now for the order's parcel, with the promise. */
async function quoteFor(app: App, orderId: string, code: string): Promise<{ option: ServiceOption; options: ServiceOption[]; promise: ReturnType<typeof orderPromise> } | undefined> {
  const deps = app.shippingDeps();
  const order = [...(await shippableOrders(deps)), ...(await ordersToBuyAgain(deps))].find((s) => s.order.order_id === orderId);
  // Unknown, past choosing, or with a problem that stops any quote: setOrderService says which.
  if (!order || order.problems.length > 0) return undefined;
  const asked = { ...orderToPrice(order), clerkService: code };
  const choice = await priceOrder(deps, asked);
  const promise = orderPromise(asked.raw);
  const options = serviceOptions(choice.quotes, promise, choice.mailingDay);
  const option = options.find((o) => o.code === code);
  return option ? { option, options, promise } : undefined;
}

/** What the quote says of the choice, after "Order … will ship …". */
function quotedText(o: ServiceOption, promise: ReturnType<typeof orderPromise>): string {
  const kept = promise.deliverBy || promise.shipBy ? `Best Buy's promise (${promised(promise)})` : undefined;
  if (!o.quote) return `Canada Post gave no quote for ${o.code} just now${kept ? `, so whether it keeps ${kept} is not known yet` : ""}; the label's quote will say.`;
  if (o.late) return `Quoted ${optionPrice(o)}: after ${kept}, chosen anyway (--late-ok).`;
  return `Quoted ${optionPrice(o)}${kept ? `, keeping ${kept}` : ""}.`;
}

/**
 * `shipdesk service ORDER CODE [--late-ok]`: the clerk's Canada Post service for one order
 * (--drop: the settings' choice again). The service is quoted first for the order's parcel: one
 * that arrives after Best Buy's promise is refused unless --late-ok says it is meant (exit 2,
 * nothing changed, the on-time services named). Exit 0 when saved; 2 for an unknown order or
 * code; 1 when the order's label is past choosing (bought, or being bought).
 */
export async function serviceCommand(app: App, a: ServiceArgs, print: (text: string) => void): Promise<CommandResult> {
  const code = a.service?.trim().toUpperCase() ?? null;
  let said = "";
  if (code !== null && isServiceCode(code)) {
    const quoted = await quoteFor(app, a.order, code);
    if (quoted?.option.late && !a.lateOk) {
      const others = onTimeAlternatives(quoted.options);
      const message = `${lateWarning(quoted.option, quoted.promise)} Nothing was changed.${others ? ` On time: ${others}.` : ""} To choose ${code} anyway: shipdesk service ${a.order} ${code} --late-ok`;
      print(message);
      return { exitCode: EXIT.usage, line: `service ${a.order}: ${message}` };
    }
    if (quoted) said = ` ${quotedText(quoted.option, quoted.promise)}`;
  }
  const result = await setOrderService(app.db, a.order, a.service);
  const message = result.ok ? `${result.message}${said}` : result.message;
  print(message);
  const exitCode = result.ok ? EXIT.ok : result.unknown ? EXIT.usage : EXIT.needsPerson;
  return { exitCode, line: `service ${a.order}: ${message}` };
}
