/** @jsxImportSource hono/jsx */
import { Layout } from "./layout.tsx";

/** One sentence and a way back; never a stack trace. */
export function ErrorPage({ sentence, mode }: { sentence: string; mode: "sandbox" | "live" }) {
  return (
    <Layout title="Problem" mode={mode}>
      <h1>Something needs attention</h1>
      <p class="warn">{sentence}</p>
      <p>
        <a href="/">Back to the labels</a>
      </p>
    </Layout>
  );
}
