export { byDeadline, deadlineOfOrder, parseDeadline } from "./deadline.ts";
export { dayWord, duration, timeLeft, type TimeLeft, type Urgency } from "./time-left.ts";
export { LATE_RATE_DAYS, lateRateLine, lateRateOf, lateShipmentRate, lateShipmentText, percent, type LateRate, type LateShipment, type ShippedOrder } from "./late-rate.ts";
export { boardRow, deadlineBoard, missingDeadlineToday, stateOf, type BoardRow, type BoardState } from "./board.ts";
export { deadlinesOf, inDeadlineOrder } from "./deadlines-of.ts";
