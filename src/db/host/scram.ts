import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The server side of SCRAM-SHA-256 (RFC 5802/7677, as PostgreSQL speaks it): the client proves
 * it knows the host's secret without sending it, and checks the host knows it too. The secret
 * is in the host file, which only who can read the data folder can read.
 */
const ITERATIONS = 4096;

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

export interface ScramKeys {
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
}

/** Worked out once per host: PBKDF2 is slow on purpose. */
export function scramKeys(secret: string): ScramKeys {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(secret, salt, ITERATIONS, 32, "sha256");
  return { salt, storedKey: sha256(hmac(salted, "Client Key")), serverKey: hmac(salted, "Server Key") };
}

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of text.split(",")) if (part[1] === "=") map.set(part[0]!, part.slice(2));
  return map;
}

/** One exchange: `first` answers the client's first message, `final` checks its proof. */
export class ScramExchange {
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";

  constructor(private readonly keys: ScramKeys) {}

  /** The server-first-message, or undefined when the client's message is not SCRAM. */
  first(clientFirst: string): string | undefined {
    // gs2 header "n,," (no channel binding), then the bare message.
    if (!clientFirst.startsWith("n,,")) return undefined;
    this.clientFirstBare = clientFirst.slice(3);
    const clientNonce = attributes(this.clientFirstBare).get("r");
    if (!clientNonce) return undefined;
    this.nonce = clientNonce + randomBytes(18).toString("base64");
    this.serverFirst = `r=${this.nonce},s=${this.keys.salt.toString("base64")},i=${ITERATIONS}`;
    return this.serverFirst;
  }

  /** The server-final-message when the proof is right, undefined otherwise. */
  final(clientFinal: string): string | undefined {
    const proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) return undefined;
    const withoutProof = clientFinal.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get("r") !== this.nonce || fields.get("c") !== "biws") return undefined;
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), "base64");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(this.keys.storedKey, authMessage);
    if (proof.length !== signature.length) return undefined;
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i]! ^ signature[i]!;
    if (!timingSafeEqual(sha256(clientKey), this.keys.storedKey)) return undefined;
    return `v=${hmac(this.keys.serverKey, authMessage).toString("base64")}`;
  }
}
