import type { Context } from "hono";
import type { CanadaPostEndpoint } from "../../canadapost/index.ts";
import { droppedReply, meetFaults, type FaultReplies } from "../faults.ts";
import type { PostOffice } from "./post-office.ts";

/** The client's calls, and the ones only the sandboxes serve (Get Groups; the portal's token). */
export type Endpoint = CanadaPostEndpoint | "GetGroups" | "GetToken";

/** What a route asks for: the Accept it serves, and the Content-Type of the body it takes. */
export interface Media {
  accept: string;
  contentType?: string;
}

/** A reply that stands for work done: with a lose-reply fault the work stays done and the reply is dropped. */
export interface Reply {
  /** The Content-Type the dropped connection announces. */
  type: string;
  send(): Response | Promise<Response>;
}

export const reply = (type: string, send: () => Response | Promise<Response>): Reply => ({ type, send });

/**
 * One API's gateway: how it words the replies faults stand for, and the checks it makes
 * after the network's faults and before Canada Post does anything (credentials, customer,
 * media types, throttle). A refusal, or undefined to go on.
 */
export interface Gateway {
  faultReplies(c: Context, media: Media): FaultReplies;
  check(c: Context, endpoint: Endpoint, media: Media): Response | undefined;
}

/**
 * A route as a real gateway runs it: counted, the fault plan (the network and the server's bad
 * days), the API's gateway checks, then the handler. The handler's plain Response goes out as
 * it is (a refusal, or a reply the lose-reply fault never drops); a Reply is dropped after the
 * work when the fault says so.
 */
export function gated(office: PostOffice, gateway: Gateway, endpoint: Endpoint, media: Media, handler: Handler) {
  return async (c: Context): Promise<Response> => {
    office.count(endpoint);
    const met = await meetFaults(office.faults, endpoint, media.accept, gateway.faultReplies(c, media));
    if (met instanceof Response) return met;
    const refused = gateway.check(c, endpoint, media);
    if (refused) return refused;
    // Tracking's own throttle groups (E, F), counted on the sandbox's clock whatever the API.
    if (office.tracking.overLimit(endpoint)) return gateway.faultReplies(c, media).throttled(undefined);
    const answer = await handler(c);
    if (answer instanceof Response) return answer;
    return met === "lose-reply" ? droppedReply(answer.type) : answer.send();
  };
}

export type Handler = (c: Context) => Response | Reply | Promise<Response | Reply>;

/** What one API's routes share: the post office, the gateway every route goes through, where links point. */
export interface ApiParts<Base> {
  office: PostOffice;
  route(endpoint: Endpoint, media: Media, handler: Handler): (c: Context) => Promise<Response>;
  base(c: Context): Base;
}

/** The media types the request's Accept names, parameters left off. */
export const acceptedTypes = (c: Context): string[] => (c.req.header("accept") ?? "").split(",").map((t) => t.split(";")[0]!.trim());
