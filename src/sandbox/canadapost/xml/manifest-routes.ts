import type { Context, Hono } from "hono";
import { localDate } from "../../calendar.ts";
import { reply, type Media } from "../gate.ts";
import { ZPL_TYPE } from "../post-office.ts";
import { asList, readBody } from "./body.ts";
import { fail, refuse, xmlReply } from "./gateway.ts";
import type { XmlParts } from "./parts.ts";
import { manifestsXml, manifestXml, MANIFEST_NS, MANIFEST_TYPE } from "./replies.ts";
import { TRANSMIT_SET } from "./schema.ts";

const READ: Media = { accept: MANIFEST_TYPE };
const SEND: Media = { accept: MANIFEST_TYPE, contentType: MANIFEST_TYPE };
const PDF = "application/pdf";

const manifestReply = (c: Context, body: string) => reply(MANIFEST_TYPE, () => xmlReply(c, body, 200, MANIFEST_TYPE));

/** End of day (manifest-v8): Transmit Shipments, Get Manifests, Get Manifest; and Get Artifact for labels and manifests. */
export function xmlManifestRoutes(app: Hono, x: XmlParts): void {
  const { office } = x;

  // The Accept must be the artifact's own type (a ZPL label: application/zpl), as Canada Post asks.
  const artifact = (c: Context) => {
    const artifactId = c.req.param("artifactId")!;
    const mine = c.req.param("owner") === x.artifactOwner && c.req.param("page") === "0";
    if (!mine || !office.state.artifacts.has(artifactId)) return fail(c, 404, []);
    const type = office.artifactType(artifactId);
    return reply(type, async () => {
      const file = await office.pdf(artifactId);
      office.state.artifactDownloads++;
      return c.body(file as Uint8Array<ArrayBuffer>, 200, { "Content-Type": type });
    });
  };
  const artifactRoute = { pdf: x.route("GetArtifact", { accept: PDF }, artifact), zpl: x.route("GetArtifact", { accept: ZPL_TYPE }, artifact) };
  app.get("/rs/artifact/:owner/:artifactId/:page", (c) => {
    const id = c.req.param("artifactId");
    return office.state.artifacts.has(id) && office.artifactType(id) === ZPL_TYPE ? artifactRoute.zpl(c) : artifactRoute.pdf(c);
  });

  app.get(
    "/rs/:mb/:mobo/manifest",
    x.route("GetManifests", READ, (c) => {
      const start = c.req.query("start");
      const end = c.req.query("end") ?? localDate(new Date(), "");
      if (!start || !/^\d{8}$/.test(start) || !/^\d{8}$/.test(end)) {
        return fail(c, 400, [{ code: "Server", description: "start (YYYYMMDD) is required; end (YYYYMMDD) is optional." }]);
      }
      return manifestReply(c, manifestsXml(x.base(c), office.manifestsBetween(start, end)));
    }),
  );

  app.post(
    "/rs/:mb/:mobo/manifest",
    x.route("TransmitShipments", SEND, async (c) => {
      const body = await readBody(c, "transmit-set", MANIFEST_NS, TRANSMIT_SET);
      if ("errors" in body) return fail(c, 400, body.errors);
      const groupIds = asList((body.content["group-ids"] as Record<string, unknown>)["group-id"]);
      const excluded = body.content["excluded-shipments"];
      const manifest = office.transmit(groupIds, typeof excluded === "object" && excluded ? asList((excluded as Record<string, unknown>)["shipment-id"]) : []);
      return "status" in manifest ? refuse(c, manifest) : manifestReply(c, manifestsXml(x.base(c), [manifest]));
    }),
  );

  app.get(
    "/rs/:mb/:mobo/manifest/:id",
    x.route("GetManifest", READ, (c) => {
      const m = office.state.manifests.get(c.req.param("id")!);
      return m ? manifestReply(c, manifestXml(x.base(c), m)) : fail(c, 404, []);
    }),
  );
}
