/**
 * A small JSON Schema check for the OpenAPI 3.0 keywords Canada Post's Shipping spec uses
 * (type, properties, required, additionalProperties, items, min/maxItems, min/maxLength,
 * pattern, enum, minimum/maximum with the boolean exclusiveMinimum of OpenAPI 3.0,
 * multipleOf, $ref, allOf, anyOf, not). Written here rather than adding a validator library:
 * these few keywords are all the fixture needs, and each one is tested against a wrong value.
 */
export type Schema = Record<string, any>;

export interface SchemaError {
  path: string;
  message: string;
}

export class SchemaSet {
  constructor(private readonly root: Schema) {}

  static async load(path: string): Promise<SchemaSet> {
    return new SchemaSet(Bun.YAML.parse(await Bun.file(path).text()) as Schema);
  }

  schema(name: string): Schema {
    const s = this.root.components?.schemas?.[name];
    if (!s) throw new Error(`no schema ${name}`);
    return s;
  }

  /** Every way `value` breaks the named schema; [] when it conforms. */
  check(name: string, value: unknown): SchemaError[] {
    return this.validate(this.schema(name), value, "$");
  }

  private resolve(ref: string): Schema {
    if (!ref.startsWith("#/")) throw new Error(`only local $ref: ${ref}`);
    let node: any = this.root;
    for (const part of ref.slice(2).split("/")) node = node?.[part];
    if (!node) throw new Error(`unresolved $ref ${ref}`);
    return node;
  }

  private validate(schema: Schema, value: unknown, path: string): SchemaError[] {
    const errors: SchemaError[] = [];
    const fail = (message: string) => errors.push({ path, message });
    if (schema.$ref) return this.validate(this.resolve(schema.$ref), value, path);

    if (schema.type !== undefined && !hasType(value, schema.type)) {
      fail(`expected ${schema.type}, got ${JSON.stringify(value)}`);
      return errors;
    }
    if (schema.enum && !schema.enum.some((e: unknown) => e === value)) fail(`expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
    if (typeof value === "string") {
      if (schema.minLength !== undefined && value.length < schema.minLength) fail(`shorter than ${schema.minLength}: ${JSON.stringify(value)}`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) fail(`longer than ${schema.maxLength}: ${JSON.stringify(value)}`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail(`does not match ${schema.pattern}: ${JSON.stringify(value)}`);
    }
    if (typeof value === "number") {
      if (schema.minimum !== undefined && (schema.exclusiveMinimum === true ? value <= schema.minimum : value < schema.minimum)) fail(`below the minimum ${schema.minimum}: ${value}`);
      if (schema.maximum !== undefined && (schema.exclusiveMaximum === true ? value >= schema.maximum : value > schema.maximum)) fail(`above the maximum ${schema.maximum}: ${value}`);
      if (schema.multipleOf !== undefined) {
        const q = value / schema.multipleOf;
        if (Math.abs(q - Math.round(q)) > 1e-6) fail(`not a multiple of ${schema.multipleOf}: ${value}`);
      }
    }
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
      if (schema.items) value.forEach((item, i) => errors.push(...this.validate(schema.items, item, `${path}[${i}]`)));
    }
    if (isObject(value)) {
      for (const key of schema.required ?? []) if (!(key in value)) fail(`missing required ${key}`);
      const props: Record<string, Schema> = schema.properties ?? {};
      for (const [key, v] of Object.entries(value)) {
        if (props[key]) errors.push(...this.validate(props[key], v, `${path}.${key}`));
        else if (schema.additionalProperties === false) fail(`${key} is not allowed here`);
      }
    }
    for (const sub of schema.allOf ?? []) errors.push(...this.validate(sub, value, path));
    if (schema.anyOf && !schema.anyOf.some((sub: Schema) => this.validate(sub, value, path).length === 0)) {
      fail(`matches none of anyOf: ${schema.anyOf.map((sub: Schema) => this.validate(sub, value, path).map((e) => e.message).join(", ")).join(" | ")}`);
    }
    if (schema.not && this.validate(schema.not, value, path).length === 0) fail(`matches what "not" forbids: ${JSON.stringify(schema.not)}`);
    return errors;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(v);
    case "array":
      return Array.isArray(v);
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    default:
      throw new Error(`unknown type ${type}`);
  }
}
