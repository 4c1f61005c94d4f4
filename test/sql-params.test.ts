import { expect, test } from "bun:test";
import { Glob } from "bun";
import { join } from "node:path";
import { declaredParams } from "../src/common/named-params.ts";

// A statement with many parameters is bound by name (src/common/named-params.ts): its file
// declares them in `-- params:` lines, one name per $n, which the caller's list must repeat.
const MANY = 6;

const highestParam = (sql: string): number => Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));

test("every statement in sql/ with more than six parameters declares one name per $n", async () => {
  const root = join(import.meta.dir, "../sql");
  const offenders: string[] = [];
  for await (const file of new Glob("**/*.sql").scan(root)) {
    if (file.startsWith("migrations")) continue;
    const sql = await Bun.file(join(root, file)).text();
    const declared = declaredParams(sql);
    const highest = highestParam(sql.replace(/^--.*$/gm, ""));
    if ((highest > MANY || declared.length > 0) && declared.length !== highest) offenders.push(`${file}: $1…$${highest}, ${declared.length} declared`);
  }
  expect(offenders).toEqual([]);
});
