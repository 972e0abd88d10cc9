/** Pure helpers for the "Select Board Context" quick pick (no VS Code imports). */

/** One entry of the `dtdma/contexts` result. */
export interface DtdmaContext {
  uri: string;
  active: boolean;
  partial: boolean;
  /** The user picked this board (now or in an earlier session). */
  explicit: boolean;
}

export interface ContextPickItem {
  label: string;
  description: string;
  detail?: string;
  picked: boolean;
  uri: string;
}

/** Reads a `dtdma/contexts` result defensively: anything malformed is dropped. */
export function parseContexts(result: unknown): DtdmaContext[] {
  const list = (result as { contexts?: unknown } | null)?.contexts;
  if (!Array.isArray(list)) {
    return [];
  }
  return list
    .filter((c): c is Record<string, unknown> => !!c && typeof (c as Record<string, unknown>).uri === 'string')
    .map((c) => ({ uri: c.uri as string, active: c.active === true, partial: c.partial === true, explicit: c.explicit === true }));
}

function fileName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(clean.substring(clean.lastIndexOf('/') + 1));
}

/** Quick-pick items: the board's file name, its path relative to the workspace, the active one marked. */
export function contextPickItems(contexts: DtdmaContext[], workspaceUri?: string): ContextPickItem[] {
  const prefix = workspaceUri ? workspaceUri.replace(/\/?$/, '/') : undefined;
  return contexts.map((c) => {
    const relative = prefix && c.uri.startsWith(prefix) ? decodeURIComponent(c.uri.substring(prefix.length)) : decodeURIComponent(c.uri);
    return {
      label: `${c.active ? '$(check) ' : ''}${fileName(c.uri)}`,
      description: relative,
      detail: c.partial ? 'no board includes this file: analysed alone as a partial tree' : undefined,
      picked: c.active,
      uri: c.uri,
    };
  });
}
