import type { ApiParts } from "../gate.ts";
import type { LinkBase } from "./replies.ts";

/** What the XML routes share: links on the request's origin and customer numbers. */
export interface XmlParts extends ApiParts<LinkBase> {
  /** Stands in for the API username real artifact links carry. */
  artifactOwner: string;
}
