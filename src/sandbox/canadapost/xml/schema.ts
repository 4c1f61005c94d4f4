/**
 * The parts of shipment.xsd and manifest.xsd the sandbox enforces, written out in code so the
 * sandbox runs where xmllint does not: which elements may appear, which must, how long text may
 * be, and the few patterns (postal codes, decimals, booleans). Structures the client never sends
 * (customs, return-spec, …) are accepted as they come.
 */
export type Spec =
  | { type: "text"; required?: boolean; min?: number; max?: number; pattern?: RegExp; values?: readonly string[]; repeat?: number }
  | { type: "decimal"; required?: boolean; exclusiveMin: number; max: number; fractionDigits: number }
  | { type: "boolean"; required?: boolean; fixed?: "true" }
  | { type: "group"; required?: boolean; children: Record<string, Spec>; repeat?: number }
  | { type: "any"; required?: boolean };

const text = (max: number, more: Partial<Extract<Spec, { type: "text" }>> = {}): Spec => ({ type: "text", max, ...more });
const req = (max: number, min = 1, more: Partial<Extract<Spec, { type: "text" }>> = {}): Spec => ({ type: "text", required: true, min, max, ...more });
const bool: Spec = { type: "boolean" };
const group = (children: Record<string, Spec>, required = false): Spec => ({ type: "group", children, required });

const POSTAL_CODE = /^[A-Z]\d[A-Z]\d[A-Z]\d$/;
const COUNTRY = /^[a-zA-Z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^(['_A-Za-z0-9\-+]+)(\.['_A-Za-z0-9\-+]+)*@([A-Za-z0-9-]+)(\.[A-Za-z0-9-]+)*(\.[A-Za-z]{2,})$/;
const dimension: Spec = { type: "decimal", required: true, exclusiveMin: 0, max: 999.9, fractionDigits: 1 };

const senderAddress = group(
  {
    "address-line-1": req(44),
    "address-line-2": text(44),
    city: req(40),
    "prov-state": req(20),
    "country-code": req(2, 2, { pattern: COUNTRY }),
    "postal-zip-code": text(14, { min: 1 }),
  },
  true,
);

const destinationAddress = group(
  {
    "address-line-1": text(44, { min: 1 }),
    "address-line-2": text(44),
    city: text(40, { min: 1 }),
    "prov-state": text(20, { min: 1 }),
    "country-code": req(2, 2, { pattern: COUNTRY }),
    "postal-zip-code": text(14, { min: 1 }),
  },
  true,
);

export const SHIPMENT: Record<string, Spec> = {
  "customer-request-id": text(35),
  "group-id": text(32, { min: 1 }),
  "transmit-shipment": { type: "boolean", fixed: "true" },
  "quickship-label-requested": bool,
  "cpc-pickup-indicator": { type: "boolean", fixed: "true" },
  "requested-shipping-point": text(6, { pattern: POSTAL_CODE }),
  "shipping-point-id": text(4),
  "expected-mailing-date": text(10, { pattern: DATE }),
  "provide-pricing-info": { type: "boolean", fixed: "true" },
  "provide-receipt-info": { type: "boolean", fixed: "true" },
  "delivery-spec": group(
    {
      "service-code": req(32),
      sender: group({ name: text(44), company: req(44, 0), "contact-phone": req(25, 0), "address-details": senderAddress }, true),
      destination: group(
        { name: text(44), company: text(44), "additional-address-info": text(44), "client-voice-number": text(25), "address-details": destinationAddress },
        true,
      ),
      options: group({
        option: {
          type: "group",
          repeat: 20,
          children: {
            "option-code": req(10),
            "option-amount": { type: "decimal", exclusiveMin: 0, max: 999999.99, fractionDigits: 2 },
            "option-qualifier-1": bool,
            "option-qualifier-2": text(12),
          },
        },
      }),
      "parcel-characteristics": group(
        {
          weight: { type: "decimal", required: true, exclusiveMin: 0, max: 999.999, fractionDigits: 3 },
          dimensions: group({ length: dimension, width: dimension, height: dimension }),
          unpackaged: bool,
          "mailing-tube": bool,
          oversized: bool,
        },
        true,
      ),
      notification: group({
        email: req(60, 1, { pattern: EMAIL }),
        "on-shipment": { type: "boolean", required: true },
        "on-exception": { type: "boolean", required: true },
        "on-delivery": { type: "boolean", required: true },
      }),
      "print-preferences": group({ "output-format": text(6, { values: ["8.5x11", "4x6"] }), encoding: text(3, { values: ["PDF", "ZPL"] }) }),
      preferences: group({ "show-packing-instructions": { type: "boolean", required: true }, "show-postage-rate": bool, "show-insured-value": bool }, true),
      references: group({ "cost-centre": text(30), "customer-ref-1": text(35), "customer-ref-2": text(35) }),
      customs: { type: "any" },
      "settlement-info": group(
        {
          "paid-by-customer": text(10, { min: 1, pattern: /^\d+$/ }),
          "contract-id": text(10, { min: 1, pattern: /^\d+$/ }),
          "cif-shipment": { type: "boolean", fixed: "true" },
          "intended-method-of-payment": req(15),
          "promo-code": text(10),
        },
        true,
      ),
    },
    true,
  ),
  "return-spec": { type: "any" },
  "pre-authorized-payment": { type: "any" },
  "create-public-key": bool,
  "create-qr-code": bool,
};

export const TRANSMIT_SET: Record<string, Spec> = {
  "customer-request-id": text(35),
  "group-ids": group({ "group-id": { type: "text", required: true, min: 1, max: 32, repeat: Infinity } }, true),
  "cpc-pickup-indicator": { type: "boolean", fixed: "true" },
  "requested-shipping-point": text(6, { pattern: POSTAL_CODE }),
  "shipping-point-id": text(4),
  "detailed-manifests": { type: "boolean", required: true },
  "method-of-payment": req(15),
  "manifest-address": group(
    {
      "manifest-company": req(44),
      "manifest-name": text(44, { min: 1 }),
      "phone-number": req(25, 0),
      "address-details": group(
        {
          "address-line-1": req(44),
          "address-line-2": text(44),
          city: req(40),
          "prov-state": req(2),
          "country-code": text(2, { pattern: COUNTRY }),
          "postal-zip-code": req(14),
        },
        true,
      ),
    },
    true,
  ),
  "customer-reference": text(12),
  "excluded-shipments": group({ "shipment-id": { type: "text", max: 32, repeat: Infinity } }),
};

const weight: Spec = { type: "decimal", required: true, exclusiveMin: 0, max: 99.999, fractionDigits: 3 };

/** rating.xsd's mailing-scenario (rate-v4): the parts a contract shipper sends. */
export const MAILING_SCENARIO: Record<string, Spec> = {
  "customer-number": text(10, { pattern: /^\d{1,10}$/ }),
  "contract-id": text(10, { pattern: /^\d{1,10}$/ }),
  "promo-code": text(10, { min: 1 }),
  "quote-type": text(10, { values: ["commercial", "counter"] }),
  "expected-mailing-date": text(10, { pattern: DATE }),
  options: { type: "any" },
  "parcel-characteristics": group(
    {
      weight,
      dimensions: group({ length: dimension, width: dimension, height: dimension }),
      unpackaged: bool,
      "mailing-tube": bool,
      oversized: bool,
    },
    true,
  ),
  services: group({ "service-code": { type: "text", min: 1, max: 32, repeat: 20 } }),
  "origin-postal-code": { type: "text", required: true, min: 6, max: 6, pattern: POSTAL_CODE },
  destination: group(
    {
      domestic: group({ "postal-code": { type: "text", required: true, min: 6, max: 6, pattern: POSTAL_CODE } }),
      "united-states": { type: "any" },
      international: { type: "any" },
    },
    true,
  ),
};

export const REFUND_REQUEST: Record<string, Spec> = {
  email: req(60, 1, { pattern: EMAIL }),
};

/**
 * Checks a parsed element against its spec; returns Xerces-style cvc texts, as Canada Post's
 * schema errors read ("cvc-maxLength-valid: …"), empty when valid.
 */
export function checkElement(name: string, value: unknown, children: Record<string, Spec>): string[] {
  const errors: string[] = [];
  if (typeof value !== "object" || value === null) {
    if (value === "" && Object.values(children).every((c) => !c.required)) return errors;
    errors.push(`cvc-complex-type.2.4.b: The content of element '${name}' is not complete.`);
    return errors;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key.startsWith("@_")) continue;
    if (key === "#text") {
      errors.push(`cvc-complex-type.2.3: Element '${name}' cannot have character [children], because the type's content type is element-only.`);
      continue;
    }
    if (!(key in children)) errors.push(`cvc-complex-type.2.4.a: Invalid content was found starting with element '${key}'.`);
  }
  for (const [child, spec] of Object.entries(children)) {
    const v = record[child];
    if (v === undefined) {
      if (spec.required) errors.push(`cvc-complex-type.2.4.b: The content of element '${name}' is not complete. One of '{${child}}' is expected.`);
      continue;
    }
    const repeat = "repeat" in spec && spec.repeat !== undefined ? spec.repeat : 1;
    const items = Array.isArray(v) ? v : [v];
    if (items.length > repeat) {
      errors.push(`cvc-complex-type.2.4.a: Invalid content was found starting with element '${child}'. No child element is expected at this point.`);
      continue;
    }
    for (const item of items) errors.push(...checkValue(child, item, spec));
  }
  return errors;
}

function checkValue(name: string, value: unknown, spec: Spec): string[] {
  if (spec.type === "any") return [];
  if (spec.type === "group") return checkElement(name, value, spec.children);
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value).filter((k) => !k.startsWith("@_"));
    if (keys.some((k) => k !== "#text")) return [`cvc-type.3.1.2: Element '${name}' is a simple type, so it must have no element information item [children].`];
    value = (value as Record<string, unknown>)["#text"] ?? "";
  }
  const s = String(value ?? "");
  const where = `of element '${name}'`;
  switch (spec.type) {
    case "boolean": {
      const b = s.trim();
      if (!["true", "false", "1", "0"].includes(b)) return [`cvc-datatype-valid.1.2.1: '${s}' is not a valid value for 'boolean'.`];
      if (spec.fixed && b !== "true" && b !== "1") return [`cvc-elt.5.2.2.2.2: The value '${s}' ${where} does not match the {value constraint} value 'true'.`];
      return [];
    }
    case "decimal": {
      const d = s.trim();
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(d)) return [`cvc-datatype-valid.1.2.1: '${s}' is not a valid value for 'decimal'.`];
      const fraction = (d.split(".")[1] ?? "").replace(/0+$/, "");
      if (fraction.length > spec.fractionDigits) return [`cvc-fractionDigits-valid: Value '${s}' has ${fraction.length} fraction digits, but the number of fraction digits has been limited to ${spec.fractionDigits}.`];
      const n = Number(d);
      if (!(n > spec.exclusiveMin)) return [`cvc-minExclusive-valid: Value '${s}' is not facet-valid with respect to minExclusive '${spec.exclusiveMin}'.`];
      if (n > spec.max) return [`cvc-maxInclusive-valid: Value '${s}' is not facet-valid with respect to maxInclusive '${spec.max}'.`];
      return [];
    }
    case "text": {
      // xsd:normalizedString: tabs and line breaks would have been replaced; the client must not send them.
      if (/[\t\n\r]/.test(s)) return [`cvc-pattern-valid: Value ${where} contains tab or line break characters, not allowed in a normalizedString.`];
      const length = [...s].length;
      if (spec.min !== undefined && length < spec.min) return [`cvc-minLength-valid: Value '${s}' with length = '${length}' is not facet-valid with respect to minLength '${spec.min}' ${where}.`];
      if (spec.max !== undefined && length > spec.max) return [`cvc-maxLength-valid: Value '${s}' with length = '${length}' is not facet-valid with respect to maxLength '${spec.max}' ${where}.`];
      if (spec.pattern && !spec.pattern.test(s)) return [`cvc-pattern-valid: Value '${s}' is not facet-valid with respect to pattern '${spec.pattern.source}' ${where}.`];
      if (spec.values && !spec.values.includes(s)) return [`cvc-enumeration-valid: Value '${s}' is not facet-valid with respect to enumeration '[${spec.values.join(", ")}]' ${where}.`];
      return [];
    }
  }
}
