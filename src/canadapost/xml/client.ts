import { CanadaPostClient, carrierSite, type CanadaPostClientOptions } from "../client.ts";
import { xmlRequests } from "./requests.ts";
import { XmlWire } from "./wire.ts";

/** Canada Post's XML web services (soa-gw): contract shipping and manifests. */
export class CanadaPostXmlClient extends CanadaPostClient<string> {
  constructor(options: CanadaPostClientOptions) {
    const site = carrierSite(options, "CanadaPostXmlClient");
    super(options, new XmlWire(options.http, options.settings, site.readRetry), xmlRequests(site));
  }
}
