/** The board contexts remembered per .dtsi across restarts (kept in the workspace state; pure, unit-tested). */

import { DtdmaContext } from './contexts';

/** file URI → the board it is analysed in, and whether the user picked it. */
export type RememberedContexts = Record<string, { context: string; explicit: boolean }>;

/** Reads the stored value defensively. */
export function readRemembered(stored: unknown): RememberedContexts {
  const out: RememberedContexts = {};
  if (!stored || typeof stored !== 'object') {
    return out;
  }
  for (const [uri, v] of Object.entries(stored as Record<string, unknown>)) {
    const e = v as { context?: unknown; explicit?: unknown } | null;
    if (e && typeof e.context === 'string') {
      out[uri] = { context: e.context, explicit: e.explicit === true };
    }
  }
  return out;
}

/**
 * The memory after the server reported a file's contexts: a file with a choice of boards remembers the active
 * one and whether the user picked it; a board or a file analysed alone is not remembered. Returns undefined
 * when nothing changed.
 */
export function remember(memory: RememberedContexts, uri: string, contexts: DtdmaContext[]): RememberedContexts | undefined {
  const active = contexts.find((c) => c.active);
  if (!active || active.partial || active.uri === uri) {
    return undefined;
  }
  const old = memory[uri];
  const entry = { context: active.uri, explicit: active.explicit };
  if (old && old.context === entry.context && old.explicit === entry.explicit) {
    return undefined;
  }
  return { ...memory, [uri]: entry };
}

/** The `contexts` list of the server's initializationOptions. */
export function initializationContexts(memory: RememberedContexts): { uri: string; context: string; explicit: boolean }[] {
  return Object.entries(memory).map(([uri, e]) => ({ uri, context: e.context, explicit: e.explicit }));
}
