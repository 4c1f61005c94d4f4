export { labelsCsv, labelsOfDay, localDayOf, type DayLabel } from "./day-labels.ts";
export { spend, spendLine, type Spend } from "./spend.ts";
