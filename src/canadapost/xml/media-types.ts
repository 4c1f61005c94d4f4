/** Canada Post carries the API version in the vendor media type; the XML namespace follows it. */
export const SHIPMENT_MEDIA_TYPE = "application/vnd.cpc.shipment-v8+xml";
export const MANIFEST_MEDIA_TYPE = "application/vnd.cpc.manifest-v8+xml";
export const PDF_MEDIA_TYPE = "application/pdf";

export const SHIPMENT_NAMESPACE = "http://www.canadapost.ca/ws/shipment-v8";
export const MANIFEST_NAMESPACE = "http://www.canadapost.ca/ws/manifest-v8";
export const MESSAGES_NAMESPACE = "http://www.canadapost.ca/ws/messages";

/** Get Rates (rating): its own version line, rate-v4. */
export const RATE_MEDIA_TYPE = "application/vnd.cpc.ship.rate-v4+xml";
export const RATE_NAMESPACE = "http://www.canadapost.ca/ws/ship/rate-v4";

/** Tracking (Get Tracking Summary and Details, the delivery certificate): track-v2. */
export const TRACK_MEDIA_TYPE = "application/vnd.cpc.track-v2+xml";
export const TRACK_NAMESPACE = "http://www.canadapost.ca/ws/track-v2";
