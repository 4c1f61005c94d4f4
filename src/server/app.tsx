/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { DatabaseError } from "../db/index.ts";
import { pageContext, type PageContext } from "./context.ts";
import type { PrintDeps } from "./deps.ts";
import { PageError } from "./errors.ts";
import { hostGuard, postGuard } from "./guard.ts";
import { labelRoutes } from "./label-routes.tsx";
import { printerRoutes } from "./printer-routes.tsx";
import { manifestRoutes } from "./manifest-routes.tsx";
import { ErrorPage } from "./pages/error-page.tsx";
import { statusRoutes } from "./status-routes.tsx";
import { againRoutes } from "./again-routes.tsx";
import { parcelRoutes } from "./parcel-routes.tsx";

// Nothing is loaded from anywhere but this server (the warehouse PC may be offline), no page
// may frame ours, and forms post only back to us.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function errorPage(c: Context, ctx: PageContext, status: number, sentence: string): Response {
  c.status(status as 400);
  return c.html(<ErrorPage sentence={sentence} mode={ctx.mode} />) as Response;
}

export interface PrintApp extends Hono {
  /** The per-process token the page's forms carry (for the CLI's own links; tests). */
  readonly token: string;
}

/** The label-printing and status pages as a Hono app; serve it with startPrintServer. */
export function createPrintApp(deps: PrintDeps): PrintApp {
  const ctx = pageContext(deps);
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    // Not "no-referrer": Chromium then sends "Origin: null" on our own form posts.
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
  });
  app.use(hostGuard);
  app.use(postGuard(ctx.token));

  app.route("/", printerRoutes(ctx));
  app.route("/", labelRoutes(ctx));
  app.route("/", statusRoutes(ctx));
  app.route("/", againRoutes(ctx));
  app.route("/", manifestRoutes(ctx));
  app.route("/", parcelRoutes(ctx));

  app.notFound((c) => errorPage(c, ctx, 404, "There is no page at this address."));
  app.onError((error, c) => {
    if (error instanceof PageError) return errorPage(c, ctx, error.status, error.sentence);
    if (error instanceof DatabaseError) return errorPage(c, ctx, 503, error.sentence);
    if (error instanceof HTTPException && error.status < 500) return errorPage(c, ctx, error.status, "This request could not be understood.");
    // A bug: the engineer gets the details in the shipdesk window, the clerk one sentence.
    console.error("label page error:", error);
    return errorPage(c, ctx, 500, "Something went wrong on the label page; the details are in the shipdesk window.");
  });

  return Object.assign(app, { token: ctx.token });
}
