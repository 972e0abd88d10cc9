/**
 * The topology as a drawn graph: dagre lays out the devices (controllers, channels, consumers) and the edges
 * (channel of a controller, channel held by a consumer, device links with flags and state), and the result is
 * rendered as SVG. Pure (no VS Code imports), so it is unit-tested in plain Node.
 */
import { graphlib, layout } from '@dagrejs/dagre';
import { escapeHtml, TopologyDevice, TopologyEdge, TopologyResult } from './topologyHtml';

export interface PlacedNode {
  id: string;
  kind: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  location?: { uri: string; line: number; character: number };
}

export interface PlacedEdge {
  kind: string;
  from: string;
  to: string;
  label: string;
  points: { x: number; y: number }[];
  labelX?: number;
  labelY?: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const CHAR_W = 7;
const LINE_H = 15;
const PAD = 8;

/** The text lines of a device box: name, driver and state, runtime PM. */
export function deviceLines(d: TopologyDevice): string[] {
  const name = d.label ? `${d.label} (${d.id})` : d.id;
  const lines = [name];
  const driver = [d.driver, d.state].filter((x) => x).join(' · ');
  if (driver) {
    lines.push(driver);
  }
  if (d.rpmStatus || d.usageCount !== undefined) {
    lines.push(`rpm ${d.rpmStatus ?? '?'} · usage ${d.usageCount ?? 0}`);
  }
  return lines;
}

function edgeLabel(e: TopologyEdge): string {
  if (e.kind === 'uses') {
    return e.name ?? '';
  }
  if (e.kind === 'link') {
    return [e.flags, e.status].filter((x) => x).join(' · ');
  }
  return '';
}

/** Lays out the devices and edges of one topology left to right (consumers → channels → controllers). */
export function layoutTopology(t: TopologyResult): GraphLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const devices = (t.devices ?? []).filter((d) => d && typeof d.id === 'string');
  const known = new Set<string>();
  const byId = new Map<string, TopologyDevice>();
  for (const d of devices) {
    if (known.has(d.id)) {
      continue;
    }
    known.add(d.id);
    byId.set(d.id, d);
    const lines = deviceLines(d);
    const width = Math.max(...lines.map((l) => l.length)) * CHAR_W + 2 * PAD;
    g.setNode(d.id, { width, height: lines.length * LINE_H + 2 * PAD });
  }
  const edges = (t.edges ?? []).filter((e) => e && known.has(e.from) && known.has(e.to) && e.from !== e.to);
  edges.forEach((e, i) => {
    const label = edgeLabel(e);
    // the channel → controller "parent" edge is drawn controller-wards like the others
    g.setEdge(e.from, e.to, { width: label.length * 6, height: label ? 14 : 0, labelpos: 'c' }, `e${i}`);
  });
  layout(g);
  const nodes: PlacedNode[] = [];
  for (const id of known) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    const d = byId.get(id)!;
    const loc = (d as { location?: PlacedNode['location'] }).location;
    nodes.push({ id, kind: d.kind, lines: deviceLines(d), x: n.x, y: n.y, width: n.width, height: n.height,
      location: loc && typeof loc.uri === 'string' ? loc : undefined });
  }
  const placed: PlacedEdge[] = edges.map((e, i) => {
    const l = g.edge({ v: e.from, w: e.to, name: `e${i}` }) as { points: { x: number; y: number }[]; x?: number; y?: number };
    return { kind: e.kind, from: e.from, to: e.to, label: edgeLabel(e), points: l.points ?? [], labelX: l.x, labelY: l.y };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes, edges: placed, width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0) };
}

const STYLE: Record<string, { fill: string; stroke: string; rx: number }> = {
  controller: { fill: '#dde8f7', stroke: '#3b6bb0', rx: 2 },
  channel: { fill: '#f4f4f4', stroke: '#888888', rx: 14 },
  consumer: { fill: '#eef7dd', stroke: '#4f8a2c', rx: 8 },
};

const EDGE: Record<string, { stroke: string; dash: string; width: number }> = {
  parent: { stroke: '#999999', dash: '3 3', width: 1 },
  uses: { stroke: '#3a7d2c', dash: '', width: 1.5 },
  link: { stroke: '#b03030', dash: '', width: 2.5 },
};

function path(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/** The graph as an SVG element: one `<g class="node">` per device (with its id and source location). */
export function renderGraphSvg(g: GraphLayout): string {
  const out: string[] = [];
  out.push(`<svg id="graph" xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" ` +
    `viewBox="0 0 ${g.width} ${g.height}" font-family="sans-serif" font-size="12">`);
  out.push('<defs>' + Object.entries(EDGE).map(([k, s]) =>
    `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="${s.stroke}"/></marker>`).join('') + '</defs>');
  out.push('<g id="viewport">');
  for (const e of g.edges) {
    const s = EDGE[e.kind] ?? EDGE.uses;
    out.push(`<g class="edge edge-${escapeHtml(e.kind)}"><path d="${path(e.points)}" fill="none" stroke="${s.stroke}" ` +
      `stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}${e.kind === 'parent' ? '' : ` marker-end="url(#arrow-${e.kind in EDGE ? e.kind : 'uses'})"`}/>` +
      (e.label && e.labelX !== undefined && e.labelY !== undefined
        ? `<text x="${e.labelX.toFixed(1)}" y="${(e.labelY + 4).toFixed(1)}" text-anchor="middle" class="edge-label" fill="${s.stroke}">${escapeHtml(e.label)}</text>`
        : '') + '</g>');
  }
  for (const n of g.nodes) {
    const s = STYLE[n.kind] ?? STYLE.consumer;
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    const loc = n.location
      ? ` data-uri="${escapeHtml(n.location.uri)}" data-line="${n.location.line}" data-character="${n.location.character}"` : '';
    out.push(`<g class="node node-${escapeHtml(n.kind)}" data-id="${escapeHtml(n.id)}"${loc}>` +
      `<title>${escapeHtml(n.lines.join('\n'))}${n.location ? '\n(click to open its source)' : ''}</title>` +
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${n.width}" height="${n.height}" rx="${s.rx}" fill="${s.fill}" stroke="${s.stroke}"/>` +
      n.lines.map((l, i) => `<text x="${(x + PAD).toFixed(1)}" y="${(y + PAD + 11 + i * LINE_H).toFixed(1)}" fill="#222"` +
        `${i === 0 ? ' font-weight="bold"' : ''}>${escapeHtml(l)}</text>`).join('') + '</g>');
  }
  out.push('</g></svg>');
  return out.join('\n');
}
