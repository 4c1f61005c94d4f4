/** A `<link>` as Canada Post returns it: follow `href` as given and send `mediaType` as Accept. */
export interface Link {
  rel: string;
  href: string;
  mediaType: string;
  index?: number;
}

/** A link, or just its href as stored in the database. */
export type LinkRef = Link | string;

export const hrefOf = (link: LinkRef): string => (typeof link === "string" ? link : link.href);

export const findLink = (links: readonly Link[], rel: string): Link | undefined => links.find((l) => l.rel === rel);

/**
 * Which API a stored Canada Post link came from, by its path: the XML services' `/rs/…`, the
 * Developer Portal's `/shipping/v1/…` (devportal.md §4); undefined when neither.
 */
export function apiOfLink(href: string): "xml" | "portal" | undefined {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return undefined;
  }
  if (/\/shipping\/v1\//.test(path)) return "portal";
  if (/^\/rs\//.test(path)) return "xml";
  return undefined;
}

/**
 * A stored link of the other API (a label bought before the shop switched): never called with
 * this API's credentials. The sentence names the setting that reaches it.
 */
export function otherApiLink(href: string, api: "xml" | "portal"): string | undefined {
  const of = apiOfLink(href);
  if (of === undefined || of === api) return undefined;
  const name = of === "xml" ? "XML web services" : "Developer Portal";
  return `this was bought with the ${name} API; set canadapost.api = "${of}" (with its keys) to reach it`;
}

/** The Accept to send when following a link: its mediaType, or `fallback` for a stored href. */
export const acceptOf = (link: LinkRef, fallback: string): string => (typeof link === "string" ? fallback : link.mediaType);
