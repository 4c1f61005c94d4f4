// The void and refund tests (test/voids/void.test.ts) over the Developer Portal adapter.
import { againstPortal } from "../support/carriers.ts";

await againstPortal(import.meta.dir, "../voids/void.test.ts");
