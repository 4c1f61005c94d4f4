// Where the tests' alerts go: a local HTTP receiver standing in for a Slack or Teams webhook, and
// a local SMTP server (the smtp-server package) that asks for a user and password.
import { SMTPServer } from "smtp-server";

export interface Received {
  path: string;
  body: string;
  json: unknown;
}

export interface WebhookReceiver {
  /** The webhook's address; its path stands for the secret a real one carries. */
  url: string;
  posts: Received[];
  /** What it answers from now on (200 "ok" at first). */
  answer(status: number, body?: string): void;
  stop(): Promise<void>;
}

export function startWebhookReceiver(secretPath = "/services/T0SECRET/B0SECRET/webhook-secret-path"): WebhookReceiver {
  const posts: Received[] = [];
  let reply = { status: 200, body: "ok" };
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const body = await request.text();
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      posts.push({ path: new URL(request.url).pathname, body, json });
      return new Response(reply.body, { status: reply.status });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}${secretPath}`,
    posts,
    answer(status, body = status === 200 ? "ok" : "internal_error") {
      reply = { status, body };
    },
    async stop() {
      await server.stop(true);
    },
  };
}

export interface Mail {
  from: string | undefined;
  to: string[];
  /** The whole message as the server got it (headers and body). */
  raw: string;
  subject: string;
  /** The body, quoted-printable undone. */
  text: string;
}

export interface SmtpReceiver {
  port: number;
  user: string;
  mails: Mail[];
  /** Logins refused (with the password given: the server knows it, nothing else may). */
  refusedLogins: number;
  /** The password the server takes from now on. */
  acceptPassword(password: string): void;
  stop(): Promise<void>;
}

/** Quoted-printable undone, soft line breaks joined: the text as a person reads it. */
function unquote(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? /^[0-9A-F]{2}$/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(joined[i]!));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A mail server on 127.0.0.1 (no TLS: a relay on this computer) that wants `user` and `password`. */
export async function startSmtpReceiver(user: string, password: string): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  let accepted = password;
  const receiver = { refusedLogins: 0 };
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === accepted) return callback(null, { user });
      receiver.refusedLogins++;
      return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, " ") ?? "";
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject,
          text: unquote(rest.join("\n\n")).replace(/\r\n/g, "\n"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    user,
    mails,
    get refusedLogins() {
      return receiver.refusedLogins;
    },
    acceptPassword(p) {
      accepted = p;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
