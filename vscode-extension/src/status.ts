/** Pure text of the dtdma status items (no VS Code imports, unit-tested in plain Node). */

/** What the extension knows about the server. */
export type ServerState =
  | { kind: 'restricted' }
  | { kind: 'starting' }
  | { kind: 'indexing'; done: number; total: number }
  | { kind: 'ready'; boards: number }
  | { kind: 'crashed'; reason: string }
  | { kind: 'stopped'; reason: string };

/** The board the active file is analysed in, as `dtdma/contexts` reports it. */
export interface ActiveBoard {
  /** File name of the board, e.g. `imx8mp-evk.dts`; for a file no board includes, its own name. */
  name: string;
  /** No board includes the file: it is analysed alone. */
  partial: boolean;
  /** How many boards include the file (1 for a board itself). */
  choices: number;
  /** The user picked it. */
  explicit: boolean;
}

export interface StatusView {
  /** Language-status item text (codicons allowed). */
  text: string;
  /** Language-status item detail. */
  detail: string;
  /** Show a spinner. */
  busy: boolean;
  /** Error (crashed or stopped), warning (restricted), else information. */
  severity: 'info' | 'warning' | 'error';
  /** Status-bar entry text. */
  barText: string;
  /** Hover text of the status-bar entry. */
  tooltip: string;
}

function serverWords(state: ServerState): string {
  switch (state.kind) {
    case 'restricted':
      return 'Restricted Mode: analysis is off until the folder is trusted';
    case 'starting':
      return 'starting the language server';
    case 'indexing':
      return state.total > 0 ? `indexing ${state.done}/${state.total} boards` : 'indexing boards';
    case 'ready':
      return `ready, ${state.boards} board${state.boards === 1 ? '' : 's'} indexed`;
    case 'crashed':
      return `crashed: ${state.reason}`;
    case 'stopped':
      return `stopped: ${state.reason}`;
  }
}

function boardWords(board: ActiveBoard | undefined): string {
  if (!board) {
    return '';
  }
  if (board.partial) {
    return `${board.name} alone (no board includes it)`;
  }
  return board.name;
}

/** Texts for the server state and the active file's board. */
export function statusView(state: ServerState, board: ActiveBoard | undefined): StatusView {
  const server = serverWords(state);
  const b = boardWords(board);
  const busy = state.kind === 'starting' || state.kind === 'indexing';
  const severity = state.kind === 'crashed' || state.kind === 'stopped' ? 'error' : state.kind === 'restricted' ? 'warning' : 'info';
  let icon = '$(circuit-board)';
  if (state.kind === 'crashed' || state.kind === 'stopped') {
    icon = '$(error)';
  } else if (state.kind === 'restricted') {
    icon = '$(shield)';
  } else if (busy) {
    icon = '$(sync~spin)';
  }
  const pct = state.kind === 'indexing' && state.total > 0 ? ` ${Math.floor((state.done * 100) / state.total)}%` : '';
  let barText: string;
  if (state.kind === 'ready' && b) {
    barText = `${icon} ${b}`;
  } else if (state.kind === 'indexing') {
    barText = `${icon} dtdma: indexing${pct}`;
  } else if (state.kind === 'starting') {
    barText = `${icon} dtdma: starting`;
  } else if (state.kind === 'restricted') {
    barText = `${icon} dtdma: Restricted Mode`;
  } else if (state.kind === 'crashed' || state.kind === 'stopped') {
    barText = `${icon} dtdma: ${state.kind}`;
  } else {
    barText = `${icon} dtdma`;
  }
  const choice = board && board.choices > 1
    ? ` (${board.explicit ? 'picked' : 'chosen'} from ${board.choices} boards that include this file)` : '';
  const tooltip = `dtdma: ${server}` + (b ? `\nBoard: ${b}${choice}` : '') +
    (state.kind === 'restricted' ? '\nClick to manage workspace trust.' : '\nClick to select the board context.');
  return {
    text: b && state.kind === 'ready' ? `Board: ${b}` : `dtdma: ${server}`,
    detail: b && state.kind === 'ready' ? `dtdma ${server}${choice}` : '',
    busy,
    severity,
    barText,
    tooltip,
  };
}
