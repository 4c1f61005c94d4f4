-- What the host tells each client after start-up (ParameterStatus), as PostgreSQL itself would.
SELECT current_setting('server_version') AS server_version, current_setting('server_encoding') AS server_encoding,
       current_setting('client_encoding') AS client_encoding, current_setting('DateStyle') AS "DateStyle",
       current_setting('TimeZone') AS "TimeZone", current_setting('integer_datetimes') AS integer_datetimes,
       current_setting('standard_conforming_strings') AS standard_conforming_strings,
       current_setting('IntervalStyle') AS "IntervalStyle";
