export { normalizePostalCode } from "./postal-code.ts";
export { provinceCode } from "./province.ts";
export { countryAlpha2 } from "./country.ts";
export { phoneDigits, fitLength, present } from "./text.ts";
export { checkShipTo, SHIPPABLE_COUNTRIES, type ShipTo, type Problem } from "./ship-to.ts";
