export { normalizePostalCode } from "./postal-code.ts";
export { provinceCode, provincesOfPostalCode, PROVINCE_NAMES } from "./province.ts";
export { countryAlpha2 } from "./country.ts";
export { phoneDigits, fitLength, present, clean } from "./text.ts";
export { checkShipTo, checkFitted, ADDRESS_CODES, SHIPPABLE_COUNTRIES } from "./check.ts";
export type { ShipTo, Problem } from "./types.ts";
export { fitAddress, labelLines, LABEL_LIMITS, type LabelAddress, type Fitted } from "./fit.ts";
export { parseAddressLines, type AddressParts } from "./lines.ts";
export { bestBuyChangedProblem, correctIn, CORRECTION_FLAGS } from "./fix.ts";
