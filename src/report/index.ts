export { labelsCsv, labelsOfDay, type DayLabel } from "./day-labels.ts";
export { spend, spendLine, type Spend } from "./spend.ts";
