// `bun src/db/template/generate.ts OUT`: writes the shipped database to OUT (atomically).
// A process of its own, because initdb takes its process to about 1 GB that WebAssembly never
// gives back: shipdesk itself (from source) and the build only wait for it.
import { renameSync, writeFileSync } from "node:fs";
import { buildShippedDatabase } from "./build.ts";

const out = process.argv[2];
if (!out) throw new Error("usage: bun src/db/template/generate.ts OUT");
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, await buildShippedDatabase());
renameSync(tmp, out);
