import type { MiddlewareHandler } from "hono";
import { PageError } from "./errors.ts";

/** The hidden form field that carries the per-process token on every POST form. */
export const TOKEN_FIELD = "_token";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A Host that is an IP address or "localhost". A DNS-rebinding page reaches us under its own
 * domain name; refusing every other name keeps it out even though it looks same-origin.
 */
export function isAllowedHost(host: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname === "localhost" || IPV4.test(hostname) || (hostname.startsWith("[") && hostname.endsWith("]"));
}

export const hostGuard: MiddlewareHandler = async (c, next) => {
  if (!isAllowedHost(c.req.header("host") ?? new URL(c.req.url).host)) {
    throw new PageError(403, "This page only answers at this computer's own address, such as 127.0.0.1.");
  }
  await next();
};

/**
 * Every state-changing request is a POST from our own page: an Origin header naming another
 * site is refused outright; a POST without a usable Origin (older browsers, or "null" from a
 * privacy setting or a sandboxed frame) must carry the token that only our own pages hold.
 */
export function postGuard(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    const origin = c.req.header("origin");
    const own = new URL(c.req.url).origin;
    if (origin !== undefined && origin !== "null") {
      if (origin !== own) throw new PageError(403, "This request came from another web page, so it was refused.");
    } else {
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      if (body[TOKEN_FIELD] !== token) {
        throw new PageError(403, "This request did not come from the label page, so it was refused; reload the page and try again.");
      }
    }
    await next();
  };
}
