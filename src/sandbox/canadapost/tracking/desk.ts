import { SANDBOX_SERVICES, zoneBetween } from "../pricing.ts";
import type { CanadaPostSandboxState, SandboxShipment } from "../state.ts";
import { journeyOf, type Journey, type JourneyMix, type Route, type Scan } from "./journey.ts";
import { provinceOfPostal } from "./places.ts";

/** A parcel as Canada Post's tracking sees it at one moment: its label, its journey, the scans so far. */
export interface ParcelStory {
  shipment: SandboxShipment;
  journey: Journey;
  /** The scans up to now, newest first (as Canada Post lists them). */
  seen: Scan[];
  /** The delivery to the addressee, once it happened. */
  delivery: Scan | undefined;
  /** Canada Post's revised date, once announced. */
  changed: Journey["changed"];
}

/** Canada Post's published tracking limits, calls a minute per API key: E tracking, F certificates. */
export const TRACKING_LIMITS = { E: 20, F: 6 } as const;
const GROUP_OF: Record<string, keyof typeof TRACKING_LIMITS> = { GetTrackingSummary: "E", GetTrackingDetails: "E", GetDeliveryCertificate: "F" };

export interface TrackingOptions {
  /** The sandbox's clock: the journeys and the tracking limits go by it (a test's simulated days). */
  now?: () => Date;
  /** How journeys are dealt out (see JourneyMix); default "shares". */
  journeys?: JourneyMix;
  /** The tracking throttle groups' limits a minute; false: none. Default: Canada Post's published 20 and 6. */
  trackingLimits?: false | { E?: number; F?: number };
}

const DEFAULT_ROUTE: Route = { fromPostal: "K1A0B1", fromCity: "OTTAWA", fromProvince: "ON", toPostal: "K1A0B1", toCity: "OTTAWA", toProvince: "ON" };

/**
 * Canada Post's tracking behind both APIs: each label's journey, what of it has happened by the
 * sandbox's clock, and the tracking groups' rolling one-minute limits. What arrived when is kept
 * in the state, for the tests to count calls per minute as Canada Post would.
 */
export class TrackingDesk {
  private readonly journeys = new Map<string, Journey>();
  readonly now: () => Date;

  constructor(
    private readonly state: CanadaPostSandboxState,
    private readonly options: TrackingOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The parcel with this PIN as of now; undefined when no live label has it. */
  story(pin: string): ParcelStory | undefined {
    const shipment = [...this.state.shipments.values()].find((s) => s.trackingPin === pin && s.status !== "voided");
    if (!shipment) return undefined;
    const journey = this.journeyOf(shipment);
    const now = this.now().getTime();
    const seen = journey.scans.filter((s) => s.at.getTime() <= now).reverse();
    const delivery = journey.delivery && journey.delivery.at.getTime() <= now ? journey.delivery : undefined;
    const changed = journey.changed && journey.changed.from.getTime() <= now ? journey.changed : undefined;
    return { shipment, journey, seen, delivery, changed };
  }

  /** Counts a tracking call as it arrives; true when it is over its group's limit (Canada Post's SLM says no). */
  overLimit(endpoint: string): boolean {
    const group = GROUP_OF[endpoint];
    if (!group || this.options.trackingLimits === false) return false;
    const limit = this.options.trackingLimits?.[group] ?? TRACKING_LIMITS[group];
    const now = this.now().getTime();
    const arrivals = this.state.arrivals.get(group) ?? [];
    this.state.arrivals.set(group, arrivals);
    // Arrivals are in clock order: count back from the newest while inside the minute.
    let recent = 0;
    for (let i = arrivals.length - 1; i >= 0 && now - arrivals[i]! < 60_000; i--) recent++;
    if (recent >= limit) {
      this.state.throttledCalls.set(group, (this.state.throttledCalls.get(group) ?? 0) + 1);
      return true;
    }
    arrivals.push(now);
    return false;
  }

  private journeyOf(s: SandboxShipment): Journey {
    const cached = this.journeys.get(s.trackingPin);
    if (cached) return cached;
    const route = s.route ?? DEFAULT_ROUTE;
    const service = SANDBOX_SERVICES.find((x) => x.code === s.serviceCode);
    const transitDays = service ? service.transitDays(zoneBetween(route.fromPostal, route.toPostal)) : 3;
    const journey = journeyOf({ pin: s.trackingPin, labelAt: s.createdAt, transitDays, route, mix: this.options.journeys ?? "shares" });
    this.journeys.set(s.trackingPin, journey);
    return journey;
  }
}

/** A label's route from the addresses on it (either API's request), with the sandbox's guesses for what is missing. */
export function routeOf(from: { postal?: string | undefined; city?: string | undefined }, to: { postal?: string | undefined; city?: string | undefined; province?: string | undefined }): Route {
  const fromPostal = (from.postal ?? DEFAULT_ROUTE.fromPostal).replace(/\s/g, "").toUpperCase();
  const toPostal = (to.postal ?? DEFAULT_ROUTE.toPostal).replace(/\s/g, "").toUpperCase();
  return {
    fromPostal,
    fromCity: (from.city ?? DEFAULT_ROUTE.fromCity).toUpperCase(),
    fromProvince: provinceOfPostal(fromPostal),
    toPostal,
    toCity: (to.city ?? DEFAULT_ROUTE.toCity).toUpperCase(),
    toProvince: (to.province ?? provinceOfPostal(toPostal)).toUpperCase(),
  };
}
