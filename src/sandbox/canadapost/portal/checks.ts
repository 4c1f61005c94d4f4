import * as v from "valibot";

/**
 * What the portal sandbox checks in a request body before doing anything, as the gateway
 * validates against the Shipping OpenAPI: required fields, types, lengths, patterns, the
 * "exactly one of groupId or transmitShipment" rule and no unknown top-level fields
 * (createShipmentRequest is additionalProperties: false). The tests check the adapter's
 * requests against the published schema itself; this keeps the sandbox as strict.
 */
const str = (max: number, min = 0) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));
const postal = v.pipe(v.string(), v.regex(/^[A-Z]\d[A-Z]\d[A-Z]\d$/));
const trueOnly = v.literal(true);
const measure = (max: number) => v.pipe(v.number(), v.gtValue(0), v.maxValue(max));

const Address = (domestic: boolean) =>
  v.object({
    addressLine1: v.optional(str(44, 1)),
    addressLine2: v.optional(str(44)),
    city: v.optional(str(40, 1)),
    provState: v.optional(domestic ? str(2, 2) : str(20, 1)),
    countryCode: v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z]$/)),
    postalZipCode: v.optional(domestic ? postal : str(14, 1)),
  });

const DeliverySpec = v.object({
  serviceCode: str(32, 1),
  sender: v.object({ name: v.optional(str(44)), company: str(44), contactPhone: str(25), addressDetails: Address(true) }),
  destination: v.object({
    name: v.optional(str(44)),
    company: v.optional(str(44)),
    additionalAddressInfo: v.optional(str(44)),
    clientVoiceNumber: v.optional(str(25)),
    addressDetails: Address(false),
  }),
  options: v.optional(v.pipe(v.array(v.object({ optionCode: str(10, 1) })), v.minLength(1), v.maxLength(20))),
  parcelCharacteristics: v.object({
    weight: measure(999.999),
    dimensions: v.optional(v.object({ length: measure(999.9), width: measure(999.9), height: measure(999.9) })),
  }),
  notification: v.optional(v.object({ email: str(60), onShipment: v.boolean(), onException: v.boolean(), onDelivery: v.boolean() })),
  printPreferences: v.optional(v.object({ outputFormat: v.optional(v.picklist(["8.5x11", "4x6"])), encoding: v.optional(v.picklist(["PDF", "ZPL"])) })),
  preferences: v.object({ showPackingInstructions: v.boolean(), showPostageRate: v.optional(v.boolean()), showInsuredValue: v.optional(v.boolean()) }),
  references: v.optional(v.object({ costCentre: v.optional(str(30)), customerRef1: v.optional(str(35)), customerRef2: v.optional(str(35)) })),
  customs: v.optional(v.record(v.string(), v.unknown())),
  settlementInfo: v.object({
    paidByCustomer: v.optional(str(18, 7)),
    contractId: v.optional(v.pipe(v.string(), v.regex(/^\d{1,10}$/))),
    intendedMethodOfPayment: str(15),
    promoCode: v.optional(str(10)),
  }),
});

export const CreateShipmentBody = v.strictObject({
  customerRequestId: v.optional(str(35)),
  groupId: v.optional(str(32, 1)),
  transmitShipment: v.optional(trueOnly),
  quickshipLabelRequested: v.optional(v.boolean()),
  cpcPickupIndicator: v.optional(trueOnly),
  requestedShippingPoint: v.optional(postal),
  shippingPointId: v.optional(str(4)),
  expectedMailingDate: v.optional(v.pipe(v.string(), v.isoDate())),
  providePricingInfo: v.optional(trueOnly),
  provideReceiptInfo: v.optional(trueOnly),
  deliverySpec: DeliverySpec,
  returnSpec: v.optional(v.record(v.string(), v.unknown())),
  preAuthorizedPayment: v.optional(v.record(v.string(), v.unknown())),
  createPublicKey: v.optional(v.boolean()),
  createQrCode: v.optional(v.boolean()),
});
export type CreateShipmentBody = v.InferOutput<typeof CreateShipmentBody>;

export const TransmitBody = v.object({
  customerRequestId: v.optional(str(35)),
  groupIds: v.pipe(v.array(str(32, 1)), v.minLength(1)),
  cpcPickupIndicator: v.optional(trueOnly),
  requestedShippingPoint: v.optional(postal),
  shippingPointId: v.optional(str(4)),
  detailedManifests: v.boolean(),
  methodOfPayment: str(15),
  manifestAddress: v.object({
    manifestCompany: str(44, 1),
    manifestName: v.optional(str(44, 1)),
    phoneNumber: str(25),
    addressDetails: v.object({
      addressLine1: str(44, 1),
      addressLine2: v.optional(str(44)),
      city: str(40, 1),
      provState: str(20, 1),
      countryCode: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z]$/))),
      postalZipCode: v.string(),
    }),
  }),
  customerReference: v.optional(str(12)),
  excludedShipments: v.optional(v.pipe(v.array(str(32)), v.minLength(1))),
});

export const RefundBody = v.object({ email: v.pipe(str(60), v.email()) });

export const RatesBody = v.object({
  customerNumber: v.optional(v.string()),
  contractId: v.optional(v.string()),
  quoteType: v.optional(v.string()),
  expectedMailingDate: v.optional(v.pipe(v.string(), v.isoDate())),
  parcelCharacteristics: v.object({
    weight: measure(99.999),
    dimensions: v.optional(v.object({ length: measure(999.9), width: measure(999.9), height: measure(999.9) })),
  }),
  services: v.optional(v.pipe(v.array(v.string()), v.maxLength(20))),
  originPostalCode: postal,
  destination: v.object({ domestic: v.optional(v.object({ postalCode: postal })) }),
});

/** Valibot's issues as the gateway's messages: the field's path and what is wrong with it. */
export function issuesOf(issues: readonly v.BaseIssue<unknown>[]): { errorCode: string; message: string }[] {
  return issues.slice(0, 10).map((i) => ({
    // The real gateway's code for a schema violation is not documented: sandbox wording.
    errorCode: "Server",
    message: `$.${(i.path ?? []).map((p) => String(p.key)).join(".")}: ${i.message}`,
  }));
}
export type RatesBody = v.InferOutput<typeof RatesBody>;
