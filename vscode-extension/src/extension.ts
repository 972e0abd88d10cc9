import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { contextPickItems, parseContexts } from './contexts';
import { DtdmaErrorHandler } from './errorHandler';
import { RequirementsError, resolveRequirements } from './requirements';
import { RestartPolicy } from './restartPolicy';
import { buildServerCommand } from './serverStarter';
import { TopologyPanel } from './topology';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
const restartPolicy = new RestartPolicy();

/** The settings the server reads, sent as initializationOptions (and by the client on every change). */
function serverSettings(): {
  dtdma: {
    includePaths: string[];
    kernelRoot: string | null;
    devlink: { mode: string; fwDevlinkStrict: boolean };
    severity: Record<string, string>;
    dtcWarnings: string;
  };
} {
  const config = vscode.workspace.getConfiguration('dtdma');
  return {
    dtdma: {
      includePaths: config.get<string[]>('includePaths', []),
      kernelRoot: config.get<string | null>('kernelRoot', null),
      devlink: {
        mode: config.get<string>('devlink.mode', 'none'),
        fwDevlinkStrict: config.get<boolean>('devlink.fwDevlinkStrict', false),
      },
      severity: config.get<Record<string, string>>('severity', {}),
      dtcWarnings: config.get<string>('dtcWarnings', 'kernel'),
    },
  };
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('dtdma');
  let requirements;
  try {
    requirements = await resolveRequirements(config.get<string | null>('java.home', null));
  } catch (e) {
    const message = e instanceof RequirementsError ? e.message : `dtdma: ${(e as Error).message}`;
    outputChannel?.appendLine(message);
    const open = 'Open Settings';
    void vscode.window.showErrorMessage(message, open).then((choice) => {
      if (choice === open) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'dtdma.java.home');
      }
    });
    return;
  }
  const cmd = buildServerCommand({
    javaHome: requirements.javaHome,
    extensionPath: context.extensionPath,
    vmargs: config.get<string | null>('server.vmargs', null),
  });
  outputChannel?.appendLine(`Starting ${cmd.command} ${cmd.args.join(' ')}`);
  const serverOptions: ServerOptions = { command: cmd.command, args: cmd.args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dts' }],
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: 'dtdma' },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new DtdmaErrorHandler(restartPolicy, (message) => {
      void vscode.window.showErrorMessage(message);
    }),
  };
  client = new LanguageClient('dtdma', 'dtdma', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    const message = `dtdma: the language server did not start: ${(e as Error).message}. See the "dtdma" output channel.`;
    outputChannel?.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (e) {
      outputChannel?.appendLine(`Stopping the server failed: ${(e as Error).message}`);
    }
  }
}

async function selectContext(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'dts') {
    void vscode.window.showInformationMessage('dtdma: open a .dts, .dtsi or .dtso file first.');
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('dtdma: the language server is not running.');
    return;
  }
  const uri = editor.document.uri.toString();
  const contexts = parseContexts(await client.sendRequest('dtdma/contexts', { uri }));
  if (contexts.length === 0) {
    void vscode.window.showInformationMessage('dtdma: the server knows no board context for this file.');
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri)?.uri.toString();
  const pick = await vscode.window.showQuickPick(contextPickItems(contexts, folder), {
    title: 'dtdma: analyse this file in the board',
    placeHolder: 'Select the board (.dts) whose tree this file is checked in',
  });
  if (!pick) {
    return;
  }
  const accepted = await client.sendRequest<boolean>('dtdma/setActiveContext', { uri, context: pick.uri });
  if (!accepted) {
    void vscode.window.showWarningMessage(`dtdma: the server did not accept ${pick.description} as the context.`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel('dtdma');
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('dtdma.restartServer', async () => {
      restartPolicy.reset();
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand('dtdma.selectContext', selectContext),
    vscode.commands.registerCommand('dtdma.showTopology', () => TopologyPanel.show(client)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('dtdma.java.home') || e.affectsConfiguration('dtdma.server.vmargs')) {
        const restart = 'Restart';
        const choice = await vscode.window.showInformationMessage(
          'dtdma: the Java settings changed; restart the language server to use them.', restart);
        if (choice === restart) {
          await vscode.commands.executeCommand('dtdma.restartServer');
        }
      }
    }),
  );
  await startClient(context);
}

export function deactivate(): Promise<void> {
  return stopClient();
}
