import * as vscode from 'vscode';
import { LanguageClient, ResponseError } from 'vscode-languageclient/node';
import { renderTopologyPage, TopologyState } from './topologyHtml';

/** JSON-RPC "method not found": the server does not implement the request. */
const METHOD_NOT_FOUND = -32601;

export const TOPOLOGY_REQUEST = 'dtdma/topology';

/** The single "dtdma topology" webview; shows the board of the active dts editor. */
export class TopologyPanel {
  private static current: TopologyPanel | undefined;

  private constructor(private readonly panel: vscode.WebviewPanel) {
    panel.onDidDispose(() => {
      TopologyPanel.current = undefined;
    });
  }

  static async show(client: LanguageClient | undefined): Promise<void> {
    if (!TopologyPanel.current) {
      const panel = vscode.window.createWebviewPanel('dtdma.topology', 'dtdma Topology', vscode.ViewColumn.Beside, {
        enableScripts: false,
      });
      TopologyPanel.current = new TopologyPanel(panel);
    } else {
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await TopologyPanel.current.refresh(client);
  }

  private async refresh(client: LanguageClient | undefined): Promise<void> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'dts');
    const uri = editor?.document.uri.toString();
    const state = await requestTopology(client, uri);
    this.panel.webview.html = renderTopologyPage(state, uri ?? '', this.panel.webview.cspSource);
  }
}

async function requestTopology(client: LanguageClient | undefined, uri: string | undefined): Promise<TopologyState> {
  if (!client || !client.isRunning()) {
    return { kind: 'message', text: 'The dtdma language server is not running.' };
  }
  if (!uri) {
    return { kind: 'message', text: 'Open a .dts, .dtsi or .dtso file to see its board\'s DMA topology.' };
  }
  try {
    const result = await client.sendRequest(TOPOLOGY_REQUEST, { uri });
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
