import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusView } from '../status';

test('indexing shows progress and spins', () => {
  const v = statusView({ kind: 'indexing', done: 50, total: 200 }, undefined);
  assert.equal(v.text, 'dtdma: indexing 50/200 boards');
  assert.equal(v.barText, '$(sync~spin) dtdma: indexing 25%');
  assert.equal(v.busy, true);
  assert.equal(v.severity, 'info');
});

test('ready shows the active board and how it was chosen', () => {
  const v = statusView({ kind: 'ready', boards: 504 }, { name: 'imx8mp-evk.dts', partial: false, choices: 12, explicit: false });
  assert.equal(v.text, 'Board: imx8mp-evk.dts');
  assert.equal(v.barText, '$(circuit-board) imx8mp-evk.dts');
  assert.match(v.detail, /ready, 504 boards indexed \(chosen from 12 boards that include this file\)/);
  assert.match(v.tooltip, /Click to select the board context/);
  assert.equal(v.busy, false);
  const picked = statusView({ kind: 'ready', boards: 2 }, { name: 'a.dts', partial: false, choices: 2, explicit: true });
  assert.match(picked.detail, /picked from 2 boards/);
});

test('a file no board includes is said to be analysed alone', () => {
  const v = statusView({ kind: 'ready', boards: 1 }, { name: 'lonely.dtsi', partial: true, choices: 1, explicit: false });
  assert.equal(v.text, 'Board: lonely.dtsi alone (no board includes it)');
});

test('crashed and restricted states say so', () => {
  const c = statusView({ kind: 'crashed', reason: 'it exited with code 3' }, { name: 'a.dts', partial: false, choices: 1, explicit: false });
  assert.equal(c.severity, 'error');
  assert.equal(c.text, 'dtdma: crashed: it exited with code 3');
  assert.equal(c.barText, '$(error) dtdma: crashed');
  const r = statusView({ kind: 'restricted' }, undefined);
  assert.equal(r.severity, 'warning');
  assert.match(r.text, /Restricted Mode/);
  assert.match(r.tooltip, /workspace trust/);
});
