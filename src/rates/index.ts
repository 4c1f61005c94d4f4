export { cheapestOnTime, describeQuote, onTime, promised, type ServiceChoice, type ServiceReason } from "./choose.ts";
export { orderPromise, type OrderPromise } from "./promise.ts";
export { batchTotal, priceOrder, priceOrders, type OrderToPrice, type PricingDeps } from "./price-orders.ts";
export { SERVICES, isServiceCode, serviceName, serviceWithName, allowedServices, type ServiceCode } from "./services.ts";
export { lateWarning, onTimeAlternatives, optionPrice, optionText, serviceOptions, storedQuotes, type ServiceOption, type StoredQuotes } from "./options.ts";
