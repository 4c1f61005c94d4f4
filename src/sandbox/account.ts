/**
 * The stand-in account the sandboxes accept when they are given none: never valid anywhere
 * else. Sandbox mode hands them the clerk's own settings instead; the settings' defaults for
 * sandbox mode (SANDBOX_CREDENTIALS in src/config) are the same values, kept apart so that no
 * production module imports the sandbox and the sandbox imports no production code
 * (test/sandbox/account.test.ts holds the two together).
 */
export const SANDBOX_ACCOUNT = {
  canadaPost: {
    username: "sandbox-user",
    password: "sandbox-password",
    // Shaped like real portal keys (32 hex digits).
    clientId: "5a4db0c55a4db0c55a4db0c55a4db0c5",
    clientSecret: "c0ffee00c0ffee00c0ffee00c0ffee00",
    customerNumber: "2004381",
    contractId: "42708517",
  },
  bestBuy: { apiKey: "sandbox-api-key" },
} as const;
