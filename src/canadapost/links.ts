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
