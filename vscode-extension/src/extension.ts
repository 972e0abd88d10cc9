import { ChildProcess, spawn } from 'child_process';
import { PassThrough } from 'stream';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, State } from 'vscode-languageclient/node';
import { contextPickItems, parseContexts } from './contexts';
import { initializationContexts, readRemembered, remember } from './contextMemory';
import { crashReason, heapLimit, OutputTail } from './crash';
import { DtdmaErrorHandler } from './errorHandler';
import { RequirementsError, resolveRequirements } from './requirements';
import { RestartPolicy } from './restartPolicy';
import { buildServerCommand } from './serverStarter';
import { ActiveBoard, ServerState, statusView } from './status';
import { fileNameOf } from './topologyHtml';
import { TopologyPanel } from './topology';
import { serverSettings as readServerSettings, ServerSettings } from './settings';

/** Workspace-state key of the board context remembered per .dtsi. */
const MEMORY_KEY = 'dtdma.contexts';

let extensionContext: vscode.ExtensionContext;
let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
let languageStatus: vscode.LanguageStatusItem | undefined;
let statusBar: vscode.StatusBarItem | undefined;
const restartPolicy = new RestartPolicy();
let errorHandler: DtdmaErrorHandler;
let state: ServerState = { kind: 'starting' };
let board: ActiveBoard | undefined;

/** The running server process and what it wrote to stderr (kept to say why it ended). */
let serverProcess: ChildProcess | undefined;
let serverExit: Promise<{ code: number | null; signal: string | null }> | undefined;
const stderrTail = new OutputTail(60);
let heap: string | undefined;

/** The settings the server reads, sent as initializationOptions (and by the client on every change). */
function serverSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('dtdma');
  return readServerSettings(<T>(key: string, fallback: T) => config.get<T>(key, fallback));
}

function setState(s: ServerState): void {
  state = s;
  render();
}

/** Redraws the language-status item and the status-bar entry. */
function render(): void {
  const v = statusView(state, board);
  const command = state.kind === 'restricted'
    ? { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' }
    : { title: 'Select Board', command: 'dtdma.selectContext' };
  if (languageStatus) {
    languageStatus.text = v.text;
    languageStatus.detail = v.detail;
    languageStatus.busy = v.busy;
    languageStatus.severity = v.severity === 'error' ? vscode.LanguageStatusSeverity.Error
      : v.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    languageStatus.command = command;
  }
  if (statusBar) {
    statusBar.text = v.barText;
    statusBar.tooltip = v.tooltip;
    statusBar.command = command.command;
    statusBar.backgroundColor = v.severity === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    if (vscode.window.activeTextEditor?.document.languageId === 'dts') {
      statusBar.show();
    } else {
      statusBar.hide();
    }
  }
}

/** Asks the server for the active file's board, shows it, and remembers a .dtsi's board in the workspace state. */
async function refreshBoard(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const c = client;
  if (!editor || editor.document.languageId !== 'dts' || !c || !c.isRunning() || state.kind !== 'ready') {
    if (!editor || editor.document.languageId !== 'dts') {
      board = undefined;
    }
    render();
    return;
  }
  const uri = editor.document.uri.toString();
  try {
    const contexts = parseContexts(await c.sendRequest('dtdma/contexts', { uri }));
    const active = contexts.find((x) => x.active);
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) {
      return; // the user moved on meanwhile
    }
    board = active ? { name: fileNameOf(active.uri), partial: active.partial, choices: contexts.length, explicit: active.explicit }
      : undefined;
    const memory = remember(readRemembered(extensionContext.workspaceState.get(MEMORY_KEY)), uri, contexts);
    if (memory) {
      await extensionContext.workspaceState.update(MEMORY_KEY, memory);
    }
  } catch (e) {
    outputChannel?.appendLine(`dtdma/contexts failed: ${(e as Error).message}`);
  }
  render();
}

/** Follows the board index scan (`dtdma/status`) until the server is ready. */
async function followStatus(c: LanguageClient): Promise<void> {
  while (client === c && c.isRunning()) {
    try {
      const r = await c.sendRequest<{ state?: string; done?: number; total?: number; boards?: number }>('dtdma/status', {});
      if (r.state === 'ready') {
        setState({ kind: 'ready', boards: r.boards ?? 0 });
        await refreshBoard();
        await TopologyPanel.refreshIfOpen();
        return;
      }
      setState(r.state === 'indexing' ? { kind: 'indexing', done: r.done ?? 0, total: r.total ?? 0 } : { kind: 'starting' });
    } catch {
      // an older server without dtdma/status: say ready once it answers requests
      setState({ kind: 'ready', boards: 0 });
      await refreshBoard();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * The output channel as the language client gets it: vscode-languageclient 9 logs its restart message with a
 * stray `true`/`false` line after it (the notification flag passed as data); those bare lines are dropped.
 */
function withoutBareBooleans(channel: vscode.OutputChannel): vscode.OutputChannel {
  return new Proxy(channel, {
    get(target, prop) {
      if (prop === 'appendLine') {
        return (line: string) => {
          if (line !== 'true' && line !== 'false') {
            target.appendLine(line);
          }
        };
      }
      const value = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Starts `java ... lsp --stdio` and connects to its stdio; stderr is kept to say why the server ended. */
function serverOptions(command: string, args: string[]): ServerOptions {
  return () => new Promise((resolve) => {
    stderrTail.clear();
    outputChannel?.appendLine(`Starting ${command} ${args.join(' ')}`);
    const proc = spawn(command, args, { stdio: 'pipe' });
    serverProcess = proc;
    const reader = new PassThrough();
    serverExit = new Promise((done) => {
      proc.on('exit', (code, signal) => {
        done({ code, signal });
        if (serverProcess === proc) {
          serverProcess = undefined;
        }
      });
    });
    proc.on('error', (e) => stderrTail.append(`\n${e.message}\n`));
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (d: string) => stderrTail.append(d));
    // The reader ends when the server's stdout does, except during a stop the extension asked for: then the
    // client is told nothing (it would log the closed connection as an error).
    proc.stdout?.pipe(reader, { end: false });
    proc.stdout?.on('end', () => {
      if (!errorHandler.stopping) {
        reader.end();
      }
    });
    resolve({ reader, writer: proc.stdin! });
  });
}

/** Why the server ended: its exit code or signal and the end of its stderr, written to the output channel. */
async function whyServerEnded(): Promise<string> {
  const exit = serverExit ? await Promise.race([serverExit, new Promise<undefined>((r) => setTimeout(() => r(undefined), 2000))])
    : undefined;
  const stderr = stderrTail.text();
  const reason = crashReason(exit?.code ?? null, exit?.signal ?? null, stderr, heap);
  if (stderr.trim()) {
    outputChannel?.appendLine(`The server's last output on stderr:\n${stderr}`);
  }
  setState({ kind: 'crashed', reason });
  return reason;
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration('dtdma');
  setState({ kind: 'starting' });
  let requirements;
  try {
    requirements = await resolveRequirements(config.get<string | null>('java.home', null));
  } catch (e) {
    const message = e instanceof RequirementsError ? e.message : `dtdma: ${(e as Error).message}`;
    outputChannel?.appendLine(message);
    setState({ kind: 'stopped', reason: 'no Java 17 or newer found' });
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
    extensionPath: extensionContext.extensionPath,
    vmargs: config.get<string | null>('server.vmargs', null),
  });
  heap = heapLimit(cmd.args);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dts' }],
    // a function: read again when the client restarts a crashed server, so the latest picks go along
    initializationOptions: () => ({
      ...serverSettings(),
      contexts: initializationContexts(readRemembered(extensionContext.workspaceState.get(MEMORY_KEY))),
    }),
    synchronize: { configurationSection: 'dtdma' },
    outputChannel: outputChannel && withoutBareBooleans(outputChannel),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
  };
  const c = new LanguageClient('dtdma', 'dtdma', serverOptions(cmd.command, cmd.args), clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (e.newState === State.Running && client === c) {
      void followStatus(c);
    } else if (e.newState === State.Starting && client === c) {
      setState({ kind: 'starting' });
    }
  });
  try {
    await c.start();
  } catch (e) {
    const message = `dtdma: the language server did not start: ${(e as Error).message}. See the "dtdma" output channel.`;
    outputChannel?.appendLine(message);
    if (state.kind !== 'crashed') {
      setState({ kind: 'stopped', reason: (e as Error).message });
    }
    void vscode.window.showErrorMessage(message);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) {
    return;
  }
  errorHandler.stopping = true;
  const proc = serverProcess;
  try {
    if (c.needsStop()) {
      await c.stop(5000);
    }
  } catch (e) {
    outputChannel?.appendLine(`Stopping the server: ${(e as Error).message}`);
  } finally {
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = await Promise.race([serverExit, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000))]);
      if (!exited) {
        outputChannel?.appendLine('The server did not exit after shutdown; killing it.');
        proc.kill('SIGKILL');
      }
    }
    errorHandler.stopping = false;
  }
}

async function selectContext(): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
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
  await refreshBoard();
  await TopologyPanel.refreshIfOpen();
}

const RESTRICTED_MESSAGE =
  'dtdma: this folder is open in Restricted Mode, so .dts files get syntax colouring only. Checking needs trust: ' +
  'dtdma reads every file a board includes and starts a Java language server.';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  outputChannel = vscode.window.createOutputChannel('dtdma');
  errorHandler = new DtdmaErrorHandler(restartPolicy, (message) => {
    void vscode.window.showErrorMessage(message);
  }, Date.now, whyServerEnded, (message) => {
    // the client logs the message to the output channel itself
    void vscode.window.showWarningMessage(message);
  });
  languageStatus = vscode.languages.createLanguageStatusItem('dtdma.status', { language: 'dts' });
  languageStatus.name = 'dtdma';
  statusBar = vscode.window.createStatusBarItem('dtdma.board', vscode.StatusBarAlignment.Left, 10);
  statusBar.name = 'dtdma board';
  context.subscriptions.push(
    outputChannel,
    languageStatus,
    statusBar,
    vscode.commands.registerCommand('dtdma.restartServer', async () => {
      if (!vscode.workspace.isTrusted) {
        void vscode.commands.executeCommand('workbench.trust.manage');
        return;
      }
      restartPolicy.reset();
      outputChannel?.appendLine('Restarting the language server (asked for).');
      await stopClient();
      await startClient();
    }),
    vscode.commands.registerCommand('dtdma.selectContext', selectContext),
    vscode.commands.registerCommand('dtdma.showTopology', () => TopologyPanel.show(() => client)),
    vscode.window.registerWebviewPanelSerializer('dtdma.topology', {
      deserializeWebviewPanel: (panel, state) => TopologyPanel.restore(panel, state, () => client),
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshBoard()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      outputChannel?.appendLine('The folder is trusted now: starting the language server.');
      void startClient();
    }),
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
  if (!vscode.workspace.isTrusted) {
    setState({ kind: 'restricted' });
    outputChannel.appendLine(RESTRICTED_MESSAGE);
    const manage = 'Manage Workspace Trust';
    void vscode.window.showWarningMessage(RESTRICTED_MESSAGE, manage).then((choice) => {
      if (choice === manage) {
        void vscode.commands.executeCommand('workbench.trust.manage');
      }
    });
    return;
  }
  await startClient();
}

export function deactivate(): Promise<void> {
  return stopClient();
}
