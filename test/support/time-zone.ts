import { afterAll, beforeAll } from "bun:test";

/**
 * The test file runs in `tz` (Bun reads TZ when it changes): local times are that zone's, whatever
 * the machine's; the zone before is put back after the file.
 */
export function useTimeZone(tz: string): void {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
