import { createServer, type Server, type Socket } from "node:net";
import { ScramExchange, type ScramKeys } from "./scram.ts";
import { Turns, type TurnClient } from "./turns.ts";
import { BodyReader, errorResponse, int32, message, MessageReader, readyForQuery } from "./wire.ts";

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const PROTOCOL_3 = 196608;
/** A client that has not authenticated by then is dropped. */
const AUTH_SECONDS = 10;

export interface ListenerOptions {
  keys: ScramKeys;
  turns: Turns;
  /** ParameterStatus values sent to each client after authentication. */
  parameters: Record<string, string>;
  /** Called with the number of clients connected, after each change. */
  onClients(count: number): void;
}

/**
 * The host's port: 127.0.0.1 only, a random port, and no client goes further than start-up
 * before it has proved with SCRAM-SHA-256 that it knows the host's secret.
 */
export async function listen(options: ListenerOptions): Promise<{ server: Server; port: number }> {
  let nextId = 0;
  let count = 0;
  const server = createServer((socket) => {
    count++;
    options.onClients(count);
    serve(socket, ++nextId, options);
    socket.once("close", () => options.onClients(--count));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the host's port is unknown");
  return { server, port: address.port };
}

function serve(socket: Socket, id: number, options: ListenerOptions): void {
  socket.setNoDelay(true);
  const reader = new MessageReader();
  const scram = new ScramExchange(options.keys);
  let stage: "startup" | "sasl-first" | "sasl-final" | "ready" = "startup";
  const client: TurnClient = { id, pending: [], partial: [], status: "I", gone: false, send: (reply) => socket.write(reply) };
  const refuse = (code: string, text: string) => {
    socket.end(errorResponse(code, text));
    stage = "startup";
  };
  const authTimer = setTimeout(() => socket.destroy(), AUTH_SECONDS * 1000);
  socket.on("error", () => socket.destroy());
  socket.once("close", () => {
    clearTimeout(authTimer);
    if (stage === "ready") options.turns.leave(client);
  });
  socket.on("data", (chunk: Buffer) => {
    reader.push(chunk);
    for (;;) {
      if (stage === "startup") {
        const packet = reader.startup();
        if (!packet) return;
        const code = new DataView(packet.buffer, packet.byteOffset).getInt32(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          socket.write("N"); // no encryption: the connection never leaves this PC
          continue;
        }
        if (code !== PROTOCOL_3) return void socket.destroy();
        socket.write(message("R", int32(10), "SCRAM-SHA-256", ""));
        stage = "sasl-first";
        continue;
      }
      const m = reader.next();
      if (!m) return;
      if (stage === "ready") {
        if (m.type === "X") return void socket.end();
        options.turns.receive(client, m);
        continue;
      }
      if (m.type !== "p") return refuse("28000", "the embedded database's host takes SCRAM-SHA-256 only");
      const body = new BodyReader(m.bytes);
      if (stage === "sasl-first") {
        if (body.string() !== "SCRAM-SHA-256") return refuse("28000", "the embedded database's host takes SCRAM-SHA-256 only");
        body.int32();
        const serverFirst = scram.first(new TextDecoder().decode(body.rest()));
        if (!serverFirst) return refuse("28000", "unreadable SCRAM message");
        socket.write(message("R", int32(11), new TextEncoder().encode(serverFirst)));
        stage = "sasl-final";
        continue;
      }
      const serverFinal = scram.final(new TextDecoder().decode(body.rest()));
      if (!serverFinal) return refuse("28P01", "password authentication failed: the secret is not this host's (read it from the host file in the data folder)");
      clearTimeout(authTimer);
      socket.write(message("R", int32(12), new TextEncoder().encode(serverFinal)));
      socket.write(message("R", int32(0)));
      for (const [name, value] of Object.entries(options.parameters)) socket.write(message("S", name, value));
      socket.write(message("K", int32(process.pid), int32(id)));
      socket.write(readyForQuery("I"));
      stage = "ready";
    }
  });
}
