-- What each label costs: the quote the service was chosen by (Get Rates, before buying) and what
-- Canada Post charged (Create Shipment's shipment-price), side by side, for the clerk's review,
-- the print page's totals, `status`'s spend and the bookkeeper's CSV.
ALTER TABLE shipments
  ADD COLUMN service_reason     text,              -- clerk | sku | fixed | cheapest_on_time | fastest_late | fallback
  ADD COLUMN service_note       text,              -- the sentence the review screen and the log showed
  ADD COLUMN quoted_due         numeric(10, 2),    -- taxes included
  ADD COLUMN quoted_taxes       numeric(10, 2),
  ADD COLUMN expected_delivery  date,
  ADD COLUMN charged_due        numeric(10, 2),
  ADD COLUMN charged_taxes      numeric(10, 2);

-- A SKU's own service (the clerk's preset), which wins over canadapost.service.
ALTER TABLE sku_packages ADD COLUMN service_code text;
