import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

/**
 * Keeps the client alive through transport errors and restarts a server that closed unexpectedly, at most
 * five times in ten minutes, telling the user why it ended each time; after that it tells the user once and
 * leaves the server stopped. A stop the user asked for (restart command, deactivation) is not a crash.
 */
export class DtdmaErrorHandler implements ErrorHandler {
  /** Set while the extension itself stops the server. */
  stopping = false;

  constructor(
    private readonly policy: RestartPolicy,
    private readonly onGiveUp: (message: string) => void,
    private readonly now: () => number = Date.now,
    private readonly reason: () => string | Promise<string> = () => 'its connection closed',
    private readonly onRestart: (message: string) => void = () => undefined,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    if (count !== undefined && count <= 3) {
      return { action: ErrorAction.Continue };
    }
    return { action: ErrorAction.Shutdown };
  }

  async closed(): Promise<CloseHandlerResult> {
    if (this.stopping) {
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const why = await this.reason();
    if (this.policy.shouldRestart(this.now())) {
      const message = `dtdma: the language server stopped: ${why}. Restarting it.`;
      this.onRestart(message);
      return { action: CloseAction.Restart, message, handled: true };
    }
    const message =
      `dtdma: the language server stopped (${why}) again after 5 restarts in 10 minutes and will not be restarted. ` +
      'See the "dtdma" output channel, then run "dtdma: Restart Language Server".';
    this.onGiveUp(message);
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }
}
