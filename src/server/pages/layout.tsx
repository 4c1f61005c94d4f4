/** @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { STYLE } from "./style.ts";

export interface LayoutProps {
  title: string;
  mode: "sandbox" | "live";
  active?: "labels" | "status" | "manifests" | "parcels";
  children?: Child;
}

export function Layout({ title, mode, active, children }: LayoutProps) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${title} · shipdesk`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        {mode === "sandbox" ? (
          <div class="sandbox" role="alert">
            SANDBOX: test labels from the sandbox servers. Do not put them on a parcel.
          </div>
        ) : null}
        <header>
          <strong>shipdesk</strong>
          <nav>
            <a href="/" aria-current={active === "labels" ? "page" : undefined}>
              Labels
            </a>
            <a href="/parcels" aria-current={active === "parcels" ? "page" : undefined}>
              Parcels
            </a>
            <a href="/status" aria-current={active === "status" ? "page" : undefined}>
              Needs attention
            </a>
            <a href="/manifests" aria-current={active === "manifests" ? "page" : undefined}>
              Manifests
            </a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
    </>
  );
}
