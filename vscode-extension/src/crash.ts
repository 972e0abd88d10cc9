/** Why the server process ended, from its exit and the end of its stderr (pure, unit-tested). */

/** Keeps the last lines a process wrote. */
export class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly max: number = 40) {}

  append(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const l of parts) {
      this.push(l);
    }
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) {
      this.lines.shift();
    }
  }

  /** The kept lines, the unfinished last one included. */
  text(): string {
    return [...this.lines, ...(this.partial ? [this.partial] : [])].join('\n');
  }

  clear(): void {
    this.lines.length = 0;
    this.partial = '';
  }
}

/** The heap limit in a JVM argument list (`-Xmx1G` → `1G`), or undefined. */
export function heapLimit(args: string[]): string | undefined {
  for (let i = args.length - 1; i >= 0; i--) {
    const m = /^-Xmx(\S+)$/.exec(args[i]);
    if (m) {
      return m[1];
    }
  }
  return undefined;
}

/** One sentence saying why the server ended, for the user. */
export function crashReason(code: number | null, signal: string | null, stderr: string, heap: string | undefined): string {
  if (/OutOfMemoryError/.test(stderr)) {
    return `it ran out of memory (Java heap limit ${heap ? '-Xmx' + heap : 'the JVM default'}); ` +
      'raise -Xmx in the setting dtdma.server.vmargs';
  }
  if (signal === 'SIGKILL') {
    return 'it was killed (SIGKILL; the system may be out of memory)';
  }
  if (signal) {
    return `it was stopped by ${signal}`;
  }
  const last = stderr.split('\n').map((l) => l.trim()).filter((l) => /exception|error/i.test(l)).pop();
  if (code !== null && code !== undefined) {
    return `it exited with code ${code}` + (last ? ` (${last.length > 160 ? last.slice(0, 157) + '...' : last})` : '');
  }
  return 'its connection closed';
}
