SELECT count(*)::int AS n FROM orders;
