-- Every tracking call of the watch, with the parcel it was about, on the test's clock.
SELECT c.related_id AS order_id, c.url, c.called_at, c.endpoint
FROM api_calls c
WHERE c.endpoint IN ('GetTrackingDetails', 'GetTrackingSummary', 'GetDeliveryCertificate')
ORDER BY c.called_at, c.call_id;
