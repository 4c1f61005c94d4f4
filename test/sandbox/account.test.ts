// The sandboxes' stand-in account (src/sandbox/account.ts) and sandbox mode's default settings
// (SANDBOX_CREDENTIALS in src/config) are written apart, so that neither side imports the
// other; this keeps them the same account.
import { expect, test } from "bun:test";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { SANDBOX_ACCOUNT } from "../../src/sandbox/account.ts";

test("sandbox mode's default credentials are the account the sandboxes accept", () => {
  expect({
    canadaPost: {
      username: SANDBOX_CREDENTIALS.canadaPostUsername,
      password: SANDBOX_CREDENTIALS.canadaPostPassword,
      clientId: SANDBOX_CREDENTIALS.canadaPostClientId,
      clientSecret: SANDBOX_CREDENTIALS.canadaPostClientSecret,
      customerNumber: SANDBOX_CREDENTIALS.customerNumber,
      contractId: SANDBOX_CREDENTIALS.contractId,
    },
    bestBuy: { apiKey: SANDBOX_CREDENTIALS.bestBuyApiKey },
  }).toEqual(SANDBOX_ACCOUNT);
});
