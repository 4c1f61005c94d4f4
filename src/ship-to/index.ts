export { saveCorrection, dropCorrection, type Actor, type AddressChanges, type CorrectionResult } from "./correct.ts";
export { addressView, history, viewOf, labelInOneLine, CORRECTION_FIELDS, FIELD_LABELS, type AddressView, type CorrectionField } from "./view.ts";
export type { CorrectedVia } from "./store.ts";
export { whoAmI } from "./who.ts";
export { describeAddress, typedInOneLine } from "./describe.ts";
