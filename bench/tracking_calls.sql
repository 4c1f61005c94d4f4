SELECT called_at FROM api_calls WHERE endpoint = 'GetTrackingDetails' ORDER BY called_at;
