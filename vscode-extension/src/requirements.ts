import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { javaExecutable } from './serverStarter';

/** The oldest Java release the server runs on. */
export const MIN_JAVA_VERSION = 17;

/** Where a Java home was found; shown in the error message when it is unusable. */
export type JavaSource = 'dtdma.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
  home: string;
  source: JavaSource;
}

export interface RequirementsData {
  javaHome: string;
  javaVersion: number;
}

/** Thrown with one message that tells the user what is wrong and how to fix it. */
export class RequirementsError extends Error {}

/**
 * Reads the major version from `java -version` output (which Java writes to stderr), e.g.
 * `openjdk version "17.0.9" 2023-10-17` → 17 and `java version "1.8.0_392"` → 8. Returns 0 when none is found.
 */
export function parseMajorVersion(output: string): number {
  const m = /version\s+"([^"]+)"/.exec(output);
  if (!m) {
    return 0;
  }
  let version = m[1];
  if (version.startsWith('1.')) {
    version = version.substring(2);
  }
  const major = /^(\d+)/.exec(version);
  return major ? parseInt(major[1], 10) : 0;
}

/**
 * The first place to look for Java, in order: the `dtdma.java.home` setting, then `JAVA_HOME`, then the
 * `java` on `PATH` (its home is the parent of the folder that holds it, after resolving symbolic links).
 * Only the first place that is set is used, so a wrong setting is reported rather than silently skipped.
 */
export function findJavaCandidate(
  setting: string | null | undefined,
  env: NodeJS.ProcessEnv,
  findOnPath: (env: NodeJS.ProcessEnv) => string | undefined = javaOnPath,
): JavaCandidate | undefined {
  if (setting && setting.trim()) {
    return { home: expandHome(setting.trim(), env), source: 'dtdma.java.home' };
  }
  if (env.JAVA_HOME && env.JAVA_HOME.trim()) {
    return { home: expandHome(env.JAVA_HOME.trim(), env), source: 'JAVA_HOME' };
  }
  const java = findOnPath(env);
  if (java) {
    return { home: path.dirname(path.dirname(java)), source: 'PATH' };
  }
  return undefined;
}

function expandHome(p: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME || env.USERPROFILE;
  return home && (p === '~' || p.startsWith('~/')) ? path.join(home, p.substring(1)) : p;
}

/** The real path of the first `java` executable on `PATH`, or undefined. */
export function javaOnPath(env: NodeJS.ProcessEnv): string | undefined {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, exe);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return fs.realpathSync(candidate);
    } catch {
      // not here
    }
  }
  return undefined;
}

function runJavaVersion(java: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(java, ['-version'], { timeout: 20000 }, (error, stdout, stderr) => {
      if (error) {
        reject(error);
      } else {
        resolve(`${stderr}\n${stdout}`);
      }
    });
  });
}

/** Finds a Java ≥ 17 or throws a {@link RequirementsError} with one clear message. */
export async function resolveRequirements(
  setting: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RequirementsData> {
  const candidate = findJavaCandidate(setting, env);
  const fix = `Install Java ${MIN_JAVA_VERSION} or newer and set "dtdma.java.home" (or JAVA_HOME) to its folder.`;
  if (!candidate) {
    throw new RequirementsError(`dtdma: no Java runtime found (dtdma.java.home and JAVA_HOME are unset and there is no java on PATH). ${fix}`);
  }
  const java = javaExecutable(candidate.home);
  if (!fs.existsSync(java)) {
    throw new RequirementsError(`dtdma: ${candidate.source} points to ${candidate.home}, which has no bin/java. ${fix}`);
  }
  let output: string;
  try {
    output = await runJavaVersion(java);
  } catch (e) {
    throw new RequirementsError(`dtdma: could not run ${java} -version (from ${candidate.source}): ${(e as Error).message}. ${fix}`);
  }
  const major = parseMajorVersion(output);
  if (major < MIN_JAVA_VERSION) {
    throw new RequirementsError(
      `dtdma: the Java at ${candidate.home} (from ${candidate.source}) is version ${major || 'unknown'}; the server needs ${MIN_JAVA_VERSION} or newer. ${fix}`,
    );
  }
  return { javaHome: candidate.home, javaVersion: major };
}
