import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

/**
 * Keeps the client alive through transport errors and restarts a server that closed unexpectedly, at most
 * five times in ten minutes; after that it tells the user once and leaves the server stopped.
 */
export class DtdmaErrorHandler implements ErrorHandler {
  constructor(
    private readonly policy: RestartPolicy,
    private readonly onGiveUp: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    if (count !== undefined && count <= 3) {
      return { action: ErrorAction.Continue };
    }
    return { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (this.policy.shouldRestart(this.now())) {
      return { action: CloseAction.Restart, message: 'dtdma: the language server stopped unexpectedly and is being restarted.' };
    }
    const message =
      'dtdma: the language server crashed 5 times in the last 10 minutes and will not be restarted. ' +
      'See the "dtdma" output channel, then run "dtdma: Restart Language Server".';
    this.onGiveUp(message);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
