export { voidLabel } from "./void.ts";
export type { VoidDeps, VoidOptions, VoidResult } from "./deps.ts";
export { reshipVoided, type ReshipResult } from "./reship.ts";
