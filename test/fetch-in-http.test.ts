import { expect, test } from "bun:test";
import { SyntaxKind, type Node } from "typescript/unstable/ast";
import { srcSources, walk, type Source } from "./support/sources.ts";

// fetch only in src/http/: there every call gets its timeout, retries, the rate limiter and its
// row in api_calls. dependency-cruiser sees imports, not calls, so this reads the code itself:
// any use of the global fetch (a call, or handing it on as a value), or globalThis.fetch and
// the like, outside src/http/ is a defect. A property or method that is merely named fetch
// (Hono's app.fetch, a token cache's own fetch) is not the global one.
const GLOBALS = new Set(["globalThis", "window", "self", "global", "Bun"]);

function globalFetches({ file, lineOf }: Source): number[] {
  const lines: number[] = [];
  walk(file, (node) => {
    if (node.kind !== SyntaxKind.Identifier || (node as Node & { text: string }).text !== "fetch") return;
    const parent = node.parent as Node & { name?: Node; expression?: Node };
    if (parent.kind === SyntaxKind.TypeQuery) return; // `typeof fetch`: a type, nothing is called
    // `{ fetch }` hands the global on under its own name.
    const named = parent.kind !== SyntaxKind.ShorthandPropertyAssignment && parent.name?.pos === node.pos && parent.name?.end === node.end;
    const owner = parent.expression as (Node & { text?: string }) | undefined;
    const ofGlobal = parent.kind === SyntaxKind.PropertyAccessExpression && owner?.kind === SyntaxKind.Identifier && GLOBALS.has(owner.text ?? "");
    if (!named || ofGlobal) lines.push(lineOf(node.getStart(file)));
  });
  return lines;
}

const sources = await srcSources();

test("the check finds the global fetch in src/http/ and nothing named fetch elsewhere by mistake", () => {
  const http = sources.find((s) => s.path === "src/http/client.ts")!;
  expect(globalFetches(http).length).toBeGreaterThan(0);
  // Bun.serve({ fetch: app.fetch }) and a class's own `fetch` method are not the global fetch.
  expect(globalFetches(sources.find((s) => s.path === "src/server/start.ts")!)).toEqual([]);
  expect(globalFetches(sources.find((s) => s.path === "src/canadapost/portal/token.ts")!)).toEqual([]);
});

test("nothing outside src/http/ uses the global fetch", () => {
  const offenders = sources
    .filter((s) => !s.path.startsWith("src/http/"))
    .flatMap((s) => globalFetches(s).map((line) => `${s.path}:${line}`));
  expect(offenders).toEqual([]);
});
