/** @jsxImportSource hono/jsx */
import { formatTime } from "./format-time.ts";
import type { ManifestRow } from "../manifests-store.ts";
import { Layout } from "./layout.tsx";

export interface ManifestsPageProps {
  mode: "sandbox" | "live";
  now: Date;
  day: string;
  manifests: ManifestRow[];
}

/** The day's Canada Post manifests: the PDF goes with the parcels to the pickup or the post office. */
export function ManifestsPage({ mode, now, day, manifests }: ManifestsPageProps) {
  return (
    <Layout title="Manifests" mode={mode} active="manifests">
      <h1>Manifests of {day}</h1>
      <form method="get" action="/manifests">
        <label>
          Day <input type="date" name="date" value={day} />
        </label>{" "}
        <button type="submit">Show</button>
      </form>
      {manifests.length === 0 ? (
        <p>No manifest on this day. The end of day (shipdesk manifest) makes one.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>PO number</th>
              <th>Groups</th>
              <th>Labels</th>
              <th>Made</th>
              <th>PDF</th>
            </tr>
          </thead>
          <tbody>
            {manifests.map((m) => (
              <tr>
                <td>{m.po_number ?? "—"}</td>
                <td>{m.group_ids.join(", ")}</td>
                <td>{m.labels}</td>
                <td>{formatTime(m.created_at, now)}</td>
                <td>
                  {m.status === "manifest_saved" ? (
                    <a href={`/manifests/${m.manifest_id}/manifest.pdf`} target="_blank" rel="noopener">
                      Open PDF
                    </a>
                  ) : (
                    <span>not saved yet{m.last_error ? `: ${m.last_error}` : "; run shipdesk manifest"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
