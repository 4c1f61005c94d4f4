// The end-of-day tests (test/manifest/end-of-day.test.ts) over the Developer Portal adapter.
import { againstPortal } from "../support/carriers.ts";

await againstPortal(import.meta.dir, "../manifest/end-of-day.test.ts");
