-- What channel $1 was last told about each problem (and the day of its last summary).
SELECT problem_key, fingerprint FROM alerts_sent WHERE channel = $1;
