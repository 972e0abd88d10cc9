import * as os from 'os';
import * as path from 'path';

/** The process the client starts: a program and its arguments. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** JVM flag that makes the server exit (and the client restart it) instead of limping on after an OOM. */
export const EXIT_ON_OOM = '-XX:+ExitOnOutOfMemoryError';

/**
 * JVM flag that sends the VM's own messages (such as "Terminating due to java.lang.OutOfMemoryError") to stderr:
 * without it HotSpot writes them to stdout, which is the protocol stream.
 */
export const VM_OUTPUT_TO_STDERR = '-XX:+DisplayVMOutputToStderr';

/**
 * Splits the `dtdma.server.vmargs` setting into arguments the way a shell would for the simple cases:
 * whitespace separates, double quotes group (and are removed), a backslash escapes a quote inside quotes.
 */
export function parseVMargs(vmargs: string | null | undefined): string[] {
  const result: string[] = [];
  if (!vmargs) {
    return result;
  }
  let current = '';
  let inArg = false;
  let inQuotes = false;
  for (let i = 0; i < vmargs.length; i++) {
    const c = vmargs[i];
    if (inQuotes) {
      if (c === '\\' && vmargs[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        current += c;
      }
    } else if (c === '"') {
      inQuotes = true;
      inArg = true;
    } else if (/\s/.test(c)) {
      if (inArg) {
        result.push(current);
        current = '';
        inArg = false;
      }
    } else {
      current += c;
      inArg = true;
    }
  }
  if (inArg) {
    result.push(current);
  }
  return result;
}

/** Path of the java launcher inside a Java home folder. */
export function javaExecutable(javaHome: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(javaHome, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

/** Heap limit used when the user's vmargs set none: the server's heap stays bounded. */
export const DEFAULT_HEAP = '-Xmx1G';

/**
 * JIT setting used on machines with at most two cores: the C1 compiler only, so no C2 compiler thread competes with
 * the first analyses. Measured over JSON-RPC on 2 cores (docs/benchmarks.md): cold start 0.7 s instead of 1.0 s,
 * hover and board-edit p95 lower; not measured on larger machines, where the default JIT is kept.
 */
export const FEW_CORES_JIT = '-XX:TieredStopAtLevel=1';

/**
 * Builds `java [vmargs] [-Xmx1G] -XX:+ExitOnOutOfMemoryError -XX:+DisplayVMOutputToStderr
 * [-XX:TieredStopAtLevel=1] -jar <extension>/server/dtdma.jar lsp --stdio`.
 * The heap limit and the -XX flags are added once each, unless the user's vmargs already set them; the JIT flag
 * only when the machine has at most two cores (`cpus`).
 */
export function buildServerCommand(options: {
  javaHome: string;
  extensionPath: string;
  vmargs?: string | null;
  platform?: NodeJS.Platform;
  cpus?: number;
}): ServerCommand {
  const args = parseVMargs(options.vmargs);
  if (!args.some((a) => a.startsWith('-Xmx') || a.startsWith('-XX:MaxRAMPercentage') || a.startsWith('-XX:MaxHeapSize'))) {
    args.push(DEFAULT_HEAP);
  }
  if (!args.some((a) => a.startsWith('-XX:+ExitOnOutOfMemoryError') || a.startsWith('-XX:-ExitOnOutOfMemoryError'))) {
    args.push(EXIT_ON_OOM);
  }
  if (!args.some((a) => /^-XX:[+-]DisplayVMOutputToStderr$/.test(a))) {
    args.push(VM_OUTPUT_TO_STDERR);
  }
  const cpus = options.cpus ?? os.cpus().length;
  if (cpus > 0 && cpus <= 2 && !args.some((a) => /^-XX:(TieredStopAtLevel=|[+-]TieredCompilation$)/.test(a))) {
    args.push(FEW_CORES_JIT);
  }
  args.push('-jar', path.join(options.extensionPath, 'server', 'dtdma.jar'), 'lsp', '--stdio');
  return { command: javaExecutable(options.javaHome, options.platform), args };
}
