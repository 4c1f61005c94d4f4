import { expect, test } from "bun:test";
import { Glob } from "bun";
import { join } from "node:path";

// Every statement shipdesk sends lives in sql/ (bundled as text): a query written as a string
// inside src/ is a defect this test finds.
const STATEMENT = /^\s*(select|insert|update|delete|with|create|alter|drop|truncate|begin|commit)\s/i;
const LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

function statementsIn(text: string): string[] {
  return (text.match(LITERAL) ?? [])
    .map((literal) => literal.slice(1, -1))
    .filter((inner) => STATEMENT.test(inner) && /\b(from|into|set|table|index|values)\b/i.test(inner));
}

test("the detector finds query strings and leaves prose alone", () => {
  const sample = 'const a = "SELECT * FROM orders"; const b = `update shipments set status = $1`; const c = "Select the orders from the list";';
  expect(statementsIn(sample)).toEqual(["SELECT * FROM orders", "update shipments set status = $1", "Select the orders from the list"]);
  expect(statementsIn('const d = "Pick a label format"; const e = `Cannot reach ${host}`;')).toEqual([]);
});

test("no SQL statement is written as a string in src/", async () => {
  const root = join(import.meta.dir, "../src");
  const offenders: string[] = [];
  for await (const file of new Glob("**/*.{ts,tsx}").scan(root)) {
    const text = await Bun.file(join(root, file)).text();
    for (const statement of statementsIn(text)) offenders.push(`${file}: ${statement.slice(0, 60)}`);
  }
  expect(offenders).toEqual([]);
});

test("SQL files use $n parameters, never string interpolation", async () => {
  const root = join(import.meta.dir, "../sql");
  for await (const file of new Glob("**/*.sql").scan(root)) {
    const text = await Bun.file(join(root, file)).text();
    expect(text.includes("${")).toBe(false);
  }
});
