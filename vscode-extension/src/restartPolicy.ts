/** Restart a crashed server at most this many times ... */
export const MAX_RESTARTS = 5;
/** ... within this window. */
export const RESTART_WINDOW_MS = 10 * 60 * 1000;

/**
 * Decides whether a server that closed unexpectedly is started again: yes, unless it already crashed
 * {@link MAX_RESTARTS} times within the last {@link RESTART_WINDOW_MS}. Pure: the clock is passed in.
 */
export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    private readonly maxRestarts: number = MAX_RESTARTS,
    private readonly windowMs: number = RESTART_WINDOW_MS,
  ) {}

  /** Records a crash at `now` (ms) and answers whether to restart. */
  shouldRestart(now: number): boolean {
    while (this.crashes.length > 0 && now - this.crashes[0] >= this.windowMs) {
      this.crashes.shift();
    }
    if (this.crashes.length >= this.maxRestarts) {
      return false;
    }
    this.crashes.push(now);
    return true;
  }

  /** Forgets earlier crashes (after a manual restart). */
  reset(): void {
    this.crashes.length = 0;
  }
}
