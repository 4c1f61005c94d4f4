/**
 * A reply whose connection drops after the headers and a first byte. (faults.ts's
 * resetResponse errors its stream inside start(), which Bun also reports as an unhandled error
 * in the test process; failing in pull() after the first chunk went out does not.)
 */
export function droppedReply(contentType: string): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("<"));
    },
    async pull(controller) {
      await Bun.sleep(5);
      controller.error(new Error("Canada Post sandbox: connection dropped on purpose (fault injection)"));
    },
  });
  return new Response(stream, { status: 200, headers: { "Content-Type": contentType } });
}
