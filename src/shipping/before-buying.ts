import { PUBLISHED_DOMESTIC_SERVICES, type ServiceListing, type ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import { labelsFolderProblem } from "../labels/index.ts";
import { linesOf } from "../common/order-row.ts";
import type { UnshippedOrder } from "./store.ts";

/** A service code a run may buy with, and what names it: a setting, an order's choice, a SKU's preset. */
export interface NamedService {
  code: string;
  /** The subject of the sentence: `Setting canadapost.service is "DOM.ZZ"`, `Order 123's service "DOM.ZZ" (…)`. */
  what: string;
  /** How the clerk changes it: `set it to one of those codes in C:\shipdesk\shipdesk.toml`. */
  fix: string;
}

/** What the check found: a sentence that stops the run with nothing bought, and a note for the log. */
export interface CheckResult {
  problem?: string;
  note?: string;
}

/**
 * The checks made once before the first label of a run is bought (shipdesk ship, --auto, the
 * desk, --retry), so that a setting Canada Post would refuse, or a labels folder that cannot
 * take the PDF, stops the run with one sentence and nothing bought, instead of a refused or
 * unsaved label per order.
 */
export interface PurchaseCheck {
  check(orderServices: readonly NamedService[]): Promise<CheckResult>;
}

type CheckSettings = Pick<Settings, "canadaPost" | "labelsDir" | "file">;

/** Where Canada Post's service codes came from for this run. */
interface DomesticServices {
  services: readonly ServiceListing[];
  /** Canada Post's own Discover Services, or the published codes when it could not be asked. */
  fromCanadaPost: boolean;
  note: string | undefined;
}

/**
 * The check for one run. Canada Post's list of services for Canadian addresses (Discover
 * Services) is asked once, the first time something is about to be bought, and kept for the
 * rest of the run: it changes when a contract changes, not between two labels, so one call a
 * run (in its rate group, D) is enough, and the next run sees a change. When Canada Post
 * cannot be asked (down, throttled, the portal app not subscribed to Rating), the published
 * codes stand in, and the log says so; the labels are not held up for it.
 */
export function purchaseCheck(deps: { settings: CheckSettings; carrier: Pick<ShippingCarrier, "getServices"> }, env: Record<string, string | undefined> = process.env): PurchaseCheck {
  let domestic: Promise<DomesticServices> | undefined;
  const listed = () =>
    (domestic ??= deps.carrier.getServices("CA").then((o): DomesticServices => {
      if (o.kind === "ok" && o.value.length > 0) return { services: o.value, fromCanadaPost: true, note: undefined };
      const why = o.kind === "ok" ? "its list was empty" : o.error.message;
      return {
        services: PUBLISHED_DOMESTIC_SERVICES,
        fromCanadaPost: false,
        note: `Canada Post's list of services could not be had (${why}); the services were checked against the published codes instead`,
      };
    }));
  let noted = false;
  return {
    async check(orderServices) {
      const folder = labelsFolderProblem(deps.settings.labelsDir, deps.settings.file, env);
      if (folder) return { problem: folder };
      const { services, fromCanadaPost, note: why } = await listed();
      // Said once a run, however often the run checks.
      const note = noted ? undefined : why;
      noted ||= why !== undefined;
      const offered = new Set(services.map((s) => s.code));
      const wrong = [...settingsServices(deps.settings), ...orderServices].find((n) => !offered.has(n.code));
      if (!wrong) return note ? { note } : {};
      const list = services.map((s) => (s.name ? `${s.code} ${s.name}` : s.code)).join(", ");
      const which = fromCanadaPost
        ? `which Canada Post does not offer for Canadian addresses (it offers ${list})`
        : `which is not one of Canada Post's service codes for Canadian addresses (its own list could not be had; the published codes are ${list})`;
      return {
        problem: `${wrong.what}, ${which}; ${wrong.fix}, and run shipdesk again; nothing was bought.`,
        ...(note ? { note } : {}),
      };
    },
  };
}

/** Every service the settings name: the fixed one or the fallback, and the ones cheapest_on_time picks from. */
export function settingsServices(settings: CheckSettings): NamedService[] {
  const cp = settings.canadaPost;
  const file = settings.file ?? "shipdesk.toml";
  const named: NamedService[] = [];
  if (cp.serviceRule === "fixed") {
    const key = cp.serviceKey ?? "canadapost.service";
    named.push({ code: cp.serviceCode, what: `Setting ${key} is "${cp.serviceCode}"`, fix: `set it to one of those codes (or "cheapest_on_time") in ${file}` });
  } else if (cp.serviceKey) {
    named.push({ code: cp.serviceCode, what: `Setting ${cp.serviceKey} is "${cp.serviceCode}"`, fix: `set it to one of those codes in ${file}` });
  } else {
    named.push({
      code: cp.serviceCode,
      what: `The fallback service "${cp.serviceCode}" (canadapost.fallback_service's default)`,
      fix: `set canadapost.fallback_service to one of those codes in ${file}`,
    });
  }
  for (const code of cp.services) {
    named.push({ code, what: `Setting canadapost.services names "${code}"`, fix: `replace it with one of those codes, or remove it, in ${file}` });
  }
  return named;
}

const DESK_SERVICE = "choose another for it in the desk's review screen (Yes, change an order, then the order, then Service)";

/** The services stored in the database that an order would be bought with: the clerk's choice, or its SKUs' preset. */
export function orderServices(order: Pick<UnshippedOrder, "order_id" | "service_override" | "order_lines">, skuService: string | null): NamedService[] {
  if (order.service_override) {
    return [{ code: order.service_override, what: `Order ${order.order_id}'s service "${order.service_override}" (chosen for it in the review screen)`, fix: DESK_SERVICE }];
  }
  if (skuService) {
    const sku = linesOf(order.order_lines).find((l) => l.sku)?.sku ?? "?";
    return [
      {
        code: skuService,
        what: `The preset service "${skuService}" of SKU ${sku} (order ${order.order_id})`,
        fix: `change or clear the SKU's preset (sku_packages.service_code), or ${DESK_SERVICE.replace("choose another for it", `choose a service for order ${order.order_id}`)}`,
      },
    ];
  }
  return [];
}

/**
 * The desk's question before it shows the batch: may these orders be bought at all? Asked only
 * when one of them could be bought (no problems); the same checks run again before buying.
 */
export async function checkBeforeBuying(
  check: PurchaseCheck | undefined,
  candidates: readonly { order: Pick<UnshippedOrder, "order_id" | "service_override" | "order_lines">; skuService: string | null; problems: readonly unknown[] }[],
): Promise<CheckResult> {
  const buyable = candidates.filter((c) => c.problems.length === 0);
  if (!check || buyable.length === 0) return {};
  return check.check(buyable.flatMap((c) => orderServices(c.order, c.skuService)));
}
