import type { Socket, TCPSocketListener } from "bun";

/** One job as the stand-in Zebra received it: one connection's bytes. */
export interface ReceivedJob {
  text: string;
  at: number;
}

/**
 * A network Zebra on 127.0.0.1 for the tests: it takes raw jobs on its port (one connection,
 * one job, as port 9100 does), answers ~HS with a host status, and can be made to close the
 * connection after a few bytes. The PIN of a label is read from its Code 128 field.
 */
export interface StandInZebra {
  port: number;
  jobs: ReceivedJob[];
  /** The jobs that carried a label with this PIN. */
  jobsFor(pin: string): ReceivedJob[];
  /** Closes every connection after this many bytes (a printer that drops the job half-way). */
  dropAfter: number | undefined;
  stop(): void;
}

export function startZebra(options: { paperOut?: boolean } = {}): StandInZebra {
  const open = new Map<Socket<{ bytes: string }>, true>();
  const zebra: StandInZebra = {
    port: 0,
    jobs: [],
    dropAfter: undefined,
    jobsFor: (pin) => zebra.jobs.filter((j) => j.text.includes(`^FD${pin}^FS`)),
    stop: () => {
      server.stop(true);
      for (const s of open.keys()) s.end();
    },
  };
  const server: TCPSocketListener<{ bytes: string }> = Bun.listen<{ bytes: string }>({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      open(socket) {
        socket.data = { bytes: "" };
        open.set(socket, true);
      },
      data(socket, data) {
        socket.data.bytes += data.toString("utf8");
        if (socket.data.bytes.includes("~HS") && !socket.data.bytes.includes("^XA")) {
          // Host status: paper out flag, pause flag (string 1); head up flag (string 2).
          socket.write(`\u0002030,${options.paperOut ? 1 : 0},0,1245,000,0,0,0,000,0,0,0\u0003\r\n\u0002000,0,0,0,1,2,6,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n`);
          return;
        }
        if (zebra.dropAfter !== undefined && socket.data.bytes.length >= zebra.dropAfter) socket.terminate();
      },
      end(socket) {
        socket.end();
      },
      close(socket) {
        open.delete(socket);
        if (socket.data.bytes.includes("^XA") && (zebra.dropAfter === undefined || socket.data.bytes.length < zebra.dropAfter)) {
          zebra.jobs.push({ text: socket.data.bytes, at: Date.now() });
        }
      },
    },
  });
  zebra.port = server.port;
  return zebra;
}

/**
 * A port on 127.0.0.1 that refuses connections: a stand-in Zebra's, once it is stopped. Bun may
 * close a stopped listener a moment later, and a busy machine may hand the same port to the next
 * listener, so the port is checked to refuse before it is given out.
 */
export async function refusedPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const gone = startZebra();
    const port = gone.port;
    gone.stop();
    for (let i = 0; i < 20; i++) {
      if (await refuses(port)) return port;
      await Bun.sleep(50);
    }
  }
  throw new Error("no port on 127.0.0.1 stayed closed");
}

async function refuses(port: number): Promise<boolean> {
  try {
    const socket = await Bun.connect({ hostname: "127.0.0.1", port, socket: { data() {} } });
    socket.end();
    return false;
  } catch {
    return true;
  }
}
