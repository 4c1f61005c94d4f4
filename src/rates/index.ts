export { cheapestOnTime, describeQuote, money, onTime, type ServiceChoice, type ServiceReason } from "./choose.ts";
export { orderPromise, localDay, type OrderPromise } from "./promise.ts";
export { addBusinessDays } from "./business-days.ts";
export { batchTotal, priceOrder, priceOrders, type OrderToPrice, type PricingDeps } from "./price-orders.ts";
export { SERVICES, isServiceCode, serviceName, serviceWithName, allowedServices, type ServiceCode } from "./services.ts";
