// The void and refund tests (test/corrections/void.test.ts) over the Developer Portal adapter.
import { againstPortal } from "../support/carriers.ts";

await againstPortal(import.meta.dir, "../corrections/void.test.ts");
