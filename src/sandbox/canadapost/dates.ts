import { localDay as isoDay } from "../../common/calendar.ts";

/** The local calendar day as Canada Post writes it: 2026-12-03 in bodies, 20261203 in query strings and group ids. */
export const localDate = (d: Date, separator: "" | "-"): string => isoDay(d).replaceAll("-", separator);
