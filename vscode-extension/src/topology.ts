import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { LanguageClient, ResponseError } from 'vscode-languageclient/node';
import { layoutTopology, renderGraphSvg } from './topologyGraph';
import { fileNameOf, renderTopologyPage, TopologyResult, TopologyState } from './topologyHtml';

/** JSON-RPC "method not found": the server does not implement the request. */
const METHOD_NOT_FOUND = -32601;

export const TOPOLOGY_REQUEST = 'dtdma/topology';

/**
 * The single "dtdma topology" webview: the board of the dts editor that was active when it was opened (or
 * refreshed), drawn as a graph with a table tab. Messages from the page: `open` (a device's source) and
 * `mode` (simulate again in another device-link mode).
 */
export class TopologyPanel {
  private static current: TopologyPanel | undefined;
  private uri: string | undefined;
  private mode: string | undefined;

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly client: () => LanguageClient | undefined) {
    panel.onDidDispose(() => {
      TopologyPanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage(async (m: { type?: string; uri?: string; line?: number; character?: number; mode?: string }) => {
      if (m.type === 'open' && typeof m.uri === 'string') {
        const pos = new vscode.Position(Number(m.line) || 0, Number(m.character) || 0);
        await vscode.window.showTextDocument(vscode.Uri.parse(m.uri), {
          viewColumn: vscode.ViewColumn.One,
          selection: new vscode.Range(pos, pos),
        });
      } else if (m.type === 'mode' && typeof m.mode === 'string') {
        this.mode = m.mode;
        await this.refresh();
      }
    });
  }

  static async show(client: () => LanguageClient | undefined): Promise<void> {
    const editor = vscode.window.activeTextEditor?.document.languageId === 'dts' ? vscode.window.activeTextEditor
      : vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'dts');
    if (!TopologyPanel.current) {
      const panel = vscode.window.createWebviewPanel('dtdma.topology', 'dtdma Topology', vscode.ViewColumn.Beside, {
        enableScripts: true,
        retainContextWhenHidden: true,
      });
      TopologyPanel.current = new TopologyPanel(panel, client);
    } else {
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    const current = TopologyPanel.current;
    if (editor) {
      current.uri = editor.document.uri.toString();
    }
    await current.refresh();
  }

  /** Re-creates the view VS Code restored after a window reload, from the state its page saved. */
  static async restore(panel: vscode.WebviewPanel, state: unknown, client: () => LanguageClient | undefined): Promise<void> {
    const t = new TopologyPanel(panel, client);
    const s = (state ?? {}) as { uri?: unknown; mode?: unknown };
    t.uri = typeof s.uri === 'string' ? s.uri : undefined;
    t.mode = typeof s.mode === 'string' ? s.mode : undefined;
    panel.webview.options = { enableScripts: true };
    TopologyPanel.current?.panel.dispose();
    TopologyPanel.current = t;
    await t.refresh();
  }

  /** Draws the open view again (after the file's board changed or the server restarted). */
  static async refreshIfOpen(): Promise<void> {
    await TopologyPanel.current?.refresh();
  }

  private async refresh(): Promise<void> {
    const state = await requestTopology(this.client(), this.uri, this.mode);
    let graphSvg: string | undefined;
    let board: string | undefined;
    if (state.kind === 'result' && state.result && typeof state.result === 'object' && !Array.isArray(state.result)) {
      const t = state.result as TopologyResult;
      board = t.title ? t.title.replace(/ after .*$/, '') : undefined;
      if ((t.devices ?? []).length > 0) {
        try {
          graphSvg = renderGraphSvg(layoutTopology(t));
        } catch (e) {
          graphSvg = `<p class="error">The graph could not be laid out: ${(e as Error).message}. See the Table tab.</p>`;
        }
      }
    }
    this.panel.title = board ? `DMA topology: ${board}` : 'dtdma Topology';
    this.panel.webview.html = renderTopologyPage(state, this.uri ? `Opened from ${fileNameOf(this.uri)}; click a device to open its source, drag to pan, wheel to zoom.` : '', this.panel.webview.cspSource, {
      nonce: crypto.randomBytes(16).toString('base64'),
      board,
      selectedMode: this.mode,
      graphSvg,
      state: { uri: this.uri, mode: this.mode },
    });
  }
}

async function requestTopology(client: LanguageClient | undefined, uri: string | undefined, mode: string | undefined): Promise<TopologyState> {
  if (!client || !client.isRunning()) {
    return { kind: 'message', text: 'The dtdma language server is not running.' };
  }
  if (!uri) {
    return { kind: 'message', text: 'Open a .dts, .dtsi or .dtso file to see its board\'s DMA topology.' };
  }
  try {
    const result = await client.sendRequest(TOPOLOGY_REQUEST, mode ? { uri, mode } : { uri });
    if (result === null || result === undefined) {
      return { kind: 'message', text: 'The server has no topology for this file.' };
    }
    return { kind: 'result', result };
  } catch (e) {
    if (e instanceof ResponseError && e.code === METHOD_NOT_FOUND) {
      return {
        kind: 'message',
        text: 'This version of the dtdma server does not provide the topology view (request dtdma/topology). ' +
          'Run "dtdma topology BOARD" on the command line meanwhile.',
      };
    }
    return { kind: 'error', text: `dtdma/topology failed: ${(e as Error).message}` };
  }
}
