/** Pure rendering of the topology webview; no VS Code imports so it is unit-tested in plain Node. */

/** One device of the graph as the server's Topology JSON writes it. */
export interface TopologyDevice {
  id: string;
  kind: string;
  label?: string | null;
  path?: string | null;
  driver?: string | null;
  state?: string | null;
  rpmStatus?: string | null;
  usageCount?: number;
}

export interface TopologyEdge {
  kind: string;
  from: string;
  to: string;
  name?: string | null;
  flags?: string | null;
  status?: string | null;
}

export interface TopologyResult {
  title?: string;
  mode?: string;
  devices?: TopologyDevice[];
  edges?: TopologyEdge[];
  findings?: string[];
}

/** What the view shows: the graph, a message (server lacks the request, no editor, ...), or an error. */
export type TopologyState =
  | { kind: 'result'; result: unknown }
  | { kind: 'message'; text: string }
  | { kind: 'error'; text: string };

export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function table(headers: string[], rows: unknown[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The part of the page that depends on the state. Unknown result shapes are shown as JSON. */
export function renderTopologyBody(state: TopologyState): string {
  if (state.kind === 'message') {
    return `<p class="message">${escapeHtml(state.text)}</p>`;
  }
  if (state.kind === 'error') {
    return `<p class="error">${escapeHtml(state.text)}</p>`;
  }
  const snapshots = Array.isArray(state.result) ? state.result : [state.result];
  const parts: string[] = [];
  for (const snap of snapshots) {
    const t = snap as TopologyResult;
    if (!t || typeof t !== 'object' || (!Array.isArray(t.devices) && !Array.isArray(t.edges))) {
      parts.push(`<pre>${escapeHtml(JSON.stringify(snap, null, 2))}</pre>`);
      continue;
    }
    parts.push(`<h2>${escapeHtml(t.title ?? 'DMA topology')}</h2>`);
    if (t.mode) {
      parts.push(`<p class="mode">${escapeHtml(t.mode)}</p>`);
    }
    const devices = t.devices ?? [];
    for (const kind of ['controller', 'channel', 'consumer']) {
      const ds = devices.filter((d) => d.kind === kind);
      if (ds.length > 0) {
        parts.push(`<h3>${kind}s (${ds.length})</h3>`);
        parts.push(table(['device', 'label', 'driver', 'state', 'runtime PM'],
          ds.map((d) => [d.id, d.label ?? '', d.driver ?? '', d.state ?? '', d.rpmStatus ?? ''])));
      }
    }
    const edges = t.edges ?? [];
    const uses = edges.filter((e) => e.kind === 'uses');
    if (uses.length > 0) {
      parts.push(`<h3>channels held (${uses.length})</h3>`);
      parts.push(table(['consumer', 'dma-name', 'channel', 'status'], uses.map((e) => [e.from, e.name ?? '', e.to, e.status ?? ''])));
    }
    const links = edges.filter((e) => e.kind === 'link');
    if (links.length > 0) {
      parts.push(`<h3>device links (${links.length})</h3>`);
      parts.push(table(['consumer', 'supplier', 'flags', 'status'], links.map((e) => [e.from, e.to, e.flags ?? '', e.status ?? ''])));
    }
    const findings = t.findings ?? [];
    if (findings.length > 0) {
      parts.push(`<h3>findings (${findings.length})</h3><ul>${findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`);
    }
  }
  return parts.join('\n');
}

/** A whole page with a strict content security policy: no scripts, only inline styles. */
export function renderTopologyPage(state: TopologyState, source: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>dtdma topology</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; margin-bottom: 1em; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; text-align: left; }
.error { color: var(--vscode-errorForeground); }
.source { opacity: 0.7; }
</style>
</head>
<body>
<p class="source">${escapeHtml(source)}</p>
${renderTopologyBody(state)}
</body>
</html>`;
}
