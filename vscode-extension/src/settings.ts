/**
 * The settings the server reads (dtdma.workspace.Settings and FormatSettings on the Java side), in the shape it
 * expects: {"dtdma": {...}} with the dotted keys of package.json nested. Sent as initializationOptions; the client
 * also sends the whole "dtdma" section on every change (synchronize.configurationSection).
 */
export interface ServerSettings {
  dtdma: {
    includePaths: string[];
    kernelRoot: string | null;
    devlink: { mode: string; fwDevlinkStrict: boolean };
    severity: Record<string, string>;
    dtcWarnings: string;
    format: { enable: boolean; lineWidth: number; keepFileStyle: boolean };
    style: boolean;
    bindings: string | null;
    dtSchema: string | null;
  };
}

/** Reads one setting (a key below "dtdma"), or the fallback when it is not set: WorkspaceConfiguration.get. */
export type SettingReader = <T>(key: string, fallback: T) => T;

/** The settings to send, read through {@code get}; the fallbacks are the defaults package.json declares. */
export function serverSettings(get: SettingReader): ServerSettings {
  return {
    dtdma: {
      includePaths: get<string[]>('includePaths', []),
      kernelRoot: get<string | null>('kernelRoot', null),
      devlink: {
        mode: get<string>('devlink.mode', 'none'),
        fwDevlinkStrict: get<boolean>('devlink.fwDevlinkStrict', false),
      },
      severity: get<Record<string, string>>('severity', {}),
      dtcWarnings: get<string>('dtcWarnings', 'kernel'),
      format: {
        enable: get<boolean>('format.enable', true),
        lineWidth: get<number>('format.lineWidth', 100),
        keepFileStyle: get<boolean>('format.keepFileStyle', true),
      },
      style: get<boolean>('style', false),
      bindings: get<string | null>('bindings', null),
      dtSchema: get<string | null>('dtSchema', null),
    },
  };
}
