-- Test-only: every change on disk now, so that a server stopped at once replays none over a damaged page.
CHECKPOINT;
