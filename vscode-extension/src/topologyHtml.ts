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

/** The device-link modes the server simulates, in words for the view's header and selector. */
export const MODE_WORDS: Record<string, string> = {
  'none': 'mainline: dmaengine creates no device links',
  'felsch-v1': 'Felsch v1: every channel request links the consumer to the DMA controller (AUTOREMOVE_CONSUMER)',
  'felsch-v2': 'Felsch v2: links consumer → controller only for controllers that opt in (create_devlink)',
  'frank-sketch': 'Frank Li\'s sketch as written: STATELESS|PM_RUNTIME|AUTOREMOVE_CONSUMER to the channel device',
  'frank-legal': 'Frank Li\'s idea with legal flags: STATELESS|PM_RUNTIME to the channel device',
  'custom': 'custom flags and supplier (settings dtdma.devlink.customFlags / customSupplier)',
};

/** A mode as the server names it (`felsch-v2 + fw_devlink.strict`, `custom (...)`) in words. */
export function modeInWords(mode: string | undefined): string {
  if (!mode) {
    return 'mode unknown';
  }
  const strict = mode.includes('fw_devlink.strict');
  const id = mode.split(/[\s(+]/)[0];
  const words = MODE_WORDS[id] ?? mode;
  return strict ? `${words}; plus fw_devlink.strict (consumer → controller links made before probe)` : words;
}

/** The file name of a URI (`file:///a/b%20c.dts` → `b c.dts`). */
export function fileNameOf(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(clean.substring(clean.lastIndexOf('/') + 1));
  } catch {
    return clean.substring(clean.lastIndexOf('/') + 1);
  }
}

export interface PageOptions {
  /** Nonce of the page's one script (pan, zoom, tabs, click to source, mode selector). */
  nonce: string;
  /** The board the graph was simulated in (file name). */
  board?: string;
  /** The mode selected in the view (a mode id), or undefined for the configured one. */
  selectedMode?: string;
  /** The graph, rendered by renderGraphSvg; undefined when there is nothing to draw. */
  graphSvg?: string;
  /** What VS Code keeps for the view across a window reload (the file and the selected mode). */
  state?: { uri?: string; mode?: string };
}

function header(state: TopologyState, options: PageOptions): string {
  const result = state.kind === 'result' && !Array.isArray(state.result) ? state.result as TopologyResult : undefined;
  const mode = result?.mode;
  const board = options.board ?? '';
  const selected = options.selectedMode ?? (mode ? mode.split(/[\s(+]/)[0] : '');
  const choices = Object.keys(MODE_WORDS).map((m) =>
    `<option value="${escapeHtml(m)}"${m === selected ? ' selected' : ''}>${escapeHtml(m)}</option>`).join('');
  return `<header>
<h1 id="title">${escapeHtml(board ? `${board} — DMA topology after boot` : 'DMA topology')}</h1>
<p id="mode-words">${escapeHtml(mode ? `Mode: ${modeInWords(mode)}` : '')}</p>
<label>Mode <select id="mode">${choices}</select></label>
<span class="tabs"><button id="tab-graph" class="tab active" data-tab="graph">Graph</button><button id="tab-table" class="tab" data-tab="table">Table</button></span>
<button id="fit" title="Fit the graph to the window">Fit</button>
</header>`;
}

const SCRIPT = `
const vscode = acquireVsCodeApi();
try { vscode.setState(JSON.parse(document.body.dataset.state || '{}')); } catch (e) { /* no state */ }
const svg = document.getElementById('graph');
const vp = document.getElementById('viewport');
let scale = 1, tx = 0, ty = 0;
const gw = svg ? Number(svg.getAttribute('width')) || 1 : 1, gh = svg ? Number(svg.getAttribute('height')) || 1 : 1;
function apply() { if (vp) vp.setAttribute('transform', 'translate(' + tx + ',' + ty + ') scale(' + scale + ')'); }
function fit() {
  if (!svg || !vp) return;
  const box = document.getElementById('graph-pane').getBoundingClientRect();
  svg.setAttribute('width', String(Math.max(200, box.width - 4)));
  svg.setAttribute('height', String(Math.max(200, window.innerHeight - box.top - 12)));
  svg.removeAttribute('viewBox');
  scale = Math.min(1.5, (box.width - 4) / gw, (window.innerHeight - box.top - 12) / gh);
  tx = 0; ty = 0; apply();
}
if (svg) {
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    const k = e.deltaY < 0 ? 1.15 : 1 / 1.15;
    const mx = e.clientX - r.left, my = e.clientY - r.top;
    tx = mx - (mx - tx) * k; ty = my - (my - ty) * k; scale *= k; apply();
  }, { passive: false });
  let drag = null, moved = false;
  svg.addEventListener('mousedown', (e) => { drag = { x: e.clientX - tx, y: e.clientY - ty }; moved = false; });
  window.addEventListener('mousemove', (e) => {
    if (!drag) return;
    if (Math.abs(e.clientX - drag.x - tx) + Math.abs(e.clientY - drag.y - ty) > 2) moved = true;
    tx = e.clientX - drag.x; ty = e.clientY - drag.y; apply();
  });
  window.addEventListener('mouseup', () => { drag = null; });
  svg.addEventListener('click', (e) => {
    if (moved) return;
    const n = e.target.closest && e.target.closest('g.node');
    if (n && n.dataset.uri) {
      vscode.postMessage({ type: 'open', uri: n.dataset.uri, line: Number(n.dataset.line), character: Number(n.dataset.character) });
    }
  });
  fit();
}
const fitButton = document.getElementById('fit');
if (fitButton) fitButton.addEventListener('click', fit);
const mode = document.getElementById('mode');
if (mode) mode.addEventListener('change', () => vscode.postMessage({ type: 'mode', mode: mode.value }));
for (const b of document.querySelectorAll('button.tab')) {
  b.addEventListener('click', () => {
    for (const x of document.querySelectorAll('button.tab')) x.classList.toggle('active', x === b);
    document.getElementById('graph-pane').hidden = b.dataset.tab !== 'graph';
    document.getElementById('table-pane').hidden = b.dataset.tab !== 'table';
    if (b.dataset.tab === 'graph') fit();
  });
}
`;

/**
 * A whole page: a header naming the board and the mode in words, a mode selector, and two tabs — the graph
 * (SVG, pan with the mouse, zoom with the wheel, click a device to open its source) and the tables. The
 * content security policy allows only inline styles and the one script carrying the nonce.
 */
export function renderTopologyPage(state: TopologyState, source: string, cspSource: string, options: PageOptions): string {
  const graph = options.graphSvg
    ?? (state.kind === 'result' ? '<p class="message">Nothing to draw: no DMA controller or consumer in this board.</p>'
      : renderTopologyBody(state));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${escapeHtml(options.nonce)}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>dtdma topology</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); margin: 0 8px; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
header h1 { font-size: 1.2em; margin: 6px 0; width: 100%; }
header p { margin: 0; width: 100%; opacity: 0.85; }
button.tab { border: 1px solid var(--vscode-panel-border, #8884); background: none; color: inherit; padding: 2px 10px; cursor: pointer; }
button.tab.active { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
#graph-pane { overflow: hidden; border: 1px solid var(--vscode-panel-border, #8884); margin-top: 6px; background: #fff; }
#graph { cursor: grab; user-select: none; }
g.node { cursor: pointer; }
g.node:hover rect { stroke-width: 2.5; }
.edge-label { font-size: 10px; }
table { border-collapse: collapse; margin-bottom: 1em; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; text-align: left; }
.error { color: var(--vscode-errorForeground); }
.source { opacity: 0.7; font-size: 0.9em; margin: 2px 0; }
</style>
</head>
<body data-state="${escapeHtml(JSON.stringify(options.state ?? {}))}">
${header(state, options)}
<p class="source">${escapeHtml(source)}</p>
<div id="graph-pane">${graph}</div>
<div id="table-pane" hidden>${renderTopologyBody(state)}</div>
<script nonce="${escapeHtml(options.nonce)}">${SCRIPT}</script>
</body>
</html>`;
}
