// The crash and two-runner tests (test/shipping/crash.test.ts) over the Developer Portal adapter.
import { againstPortal } from "../support/carriers.ts";

await againstPortal(import.meta.dir, "../shipping/crash.test.ts");
