import * as v from "valibot";
import type { Context, Hono } from "hono";
import { reply, type Media } from "../gate.ts";
import { ZPL_TYPE } from "../post-office.ts";
import { issuesOf, TransmitBody } from "./checks.ts";
import { fail, json, JSON_TYPE, notFound, refuse } from "./gateway.ts";
import { PORTAL_ROOT, SHIPPING, type PortalParts } from "./parts.ts";
import { linksOfManifest, manifestLinks } from "./replies.ts";

const READ: Media = { accept: JSON_TYPE };
const PDF = "application/pdf";

const jsonReply = (c: Context, body: unknown) => reply(JSON_TYPE, () => json(c, body));

/** End of day on the Shipping API: Transmit, Get Manifests, Get Manifest; and the artifacts (labels and manifests). */
export function portalManifestRoutes(app: Hono<any, any, any>, p: PortalParts): void {
  const { office } = p;

  // The Accept must be the artifact's own type (a ZPL label: application/zpl).
  const artifact = (c: Context) => {
    const artifactId = c.req.param("artifactId")!;
    const mine = c.req.param("consumer") === p.consumerId && c.req.param("index") === "0";
    const madeAt = mine ? office.artifactMadeAt(artifactId) : undefined;
    if (!madeAt || p.rendering(madeAt)) return notFound(c);
    const type = office.artifactType(artifactId);
    if (!p.redirect) return reply(type, () => servePdf(c, p, artifactId));
    return reply(type, () => c.body(null, 302, { Location: `${PORTAL_ROOT}${SHIPPING}/artifact-files/${artifactId}/0?expires=${Date.now() + 300_000}` }));
  };
  const artifactRoute = { pdf: p.route("GetArtifact", { accept: PDF }, artifact), zpl: p.route("GetArtifact", { accept: ZPL_TYPE }, artifact) };
  app.get(`${SHIPPING}/artifacts/:consumer/shipping/:artifactId/:index`, (c) => {
    const id = c.req.param("artifactId");
    return office.state.artifacts.has(id) && office.artifactType(id) === ZPL_TYPE ? artifactRoute.zpl(c) : artifactRoute.pdf(c);
  });

  // Where the 302 leads: the file itself, as a signed link that needs no token.
  app.get(`${SHIPPING}/artifact-files/:artifactId/:index`, (c) => {
    const artifactId = c.req.param("artifactId");
    if (!office.state.artifacts.has(artifactId) || Number(c.req.query("expires") ?? 0) < Date.now()) return notFound(c);
    return servePdf(c, p, artifactId);
  });

  app.get(
    `${SHIPPING}/:mb/:mobo/manifests`,
    p.route("GetManifests", READ, (c) => {
      const from = c.req.query("from");
      const to = c.req.query("to");
      if (!from || !to || !/^\d{8}$/.test(from) || !/^\d{8}$/.test(to)) return fail(c, 400, [{ errorCode: "Server", message: "from and to (YYYYMMDD) are required." }]);
      return jsonReply(c, manifestLinks(p.base(c), office.manifestsBetween(from, to)));
    }),
  );

  app.post(
    `${SHIPPING}/:mb/:mobo/manifests`,
    p.route("TransmitShipments", { accept: JSON_TYPE, contentType: JSON_TYPE }, async (c) => {
      const parsed = v.safeParse(TransmitBody, await p.readJson(c, "TransmitShipments"));
      if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
      const manifest = office.transmit(parsed.output.groupIds, parsed.output.excludedShipments ?? []);
      return "status" in manifest ? refuse(c, manifest) : jsonReply(c, manifestLinks(p.base(c), [manifest]));
    }),
  );

  app.get(
    `${SHIPPING}/:mb/:mobo/manifests/:id`,
    p.route("GetManifest", READ, (c) => {
      const m = office.state.manifests.get(c.req.param("id")!);
      if (!m || p.rendering(m.createdAt)) return notFound(c);
      return jsonReply(c, { poNumber: m.poNumber, links: linksOfManifest(p.base(c), m) });
    }),
  );
}

async function servePdf(c: Context, p: PortalParts, artifactId: string): Promise<Response> {
  const file = await p.office.pdf(artifactId);
  p.office.state.artifactDownloads++;
  return c.body(file as Uint8Array<ArrayBuffer>, 200, { "Content-Type": p.office.artifactType(artifactId) });
}
