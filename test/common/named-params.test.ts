import { expect, test } from "bun:test";
import { declaredParams, namedParams } from "../../src/common/named-params.ts";

const SQL = "-- Why it is so.\n-- params: order_id, service_code,\n-- params: weight_kg\nSELECT $1, $2, $3;";

test("a row binds its values in the $n order the statement declares, whatever order it was written in", () => {
  const params = namedParams(SQL, ["order_id", "service_code", "weight_kg"] as const);
  expect(params({ weight_kg: 1.5, order_id: "A-1", service_code: "DOM.EP" })).toEqual(["A-1", "DOM.EP", 1.5]);
  expect(declaredParams(SQL)).toEqual(["order_id", "service_code", "weight_kg"]);
});

test("a list that differs from the statement's declaration (order, a name, one missing) is refused when the module loads", () => {
  expect(() => namedParams(SQL, ["service_code", "order_id", "weight_kg"] as const)).toThrow(
    "the statement declares params order_id, service_code, weight_kg but its caller binds service_code, order_id, weight_kg",
  );
  expect(() => namedParams(SQL, ["order_id", "service", "weight_kg"] as const)).toThrow();
  expect(() => namedParams(SQL, ["order_id", "service_code"] as const)).toThrow();
  expect(() => namedParams("SELECT $1;", ["order_id"] as const)).toThrow("declares params (none)");
});
