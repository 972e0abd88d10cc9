import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextPickItems, parseContexts } from '../contexts';

test('parseContexts keeps well-formed entries only', () => {
  assert.deepEqual(parseContexts({ contexts: [{ uri: 'file:///w/a.dts', active: true, partial: false, explicit: true }, { nope: 1 }, null] }),
    [{ uri: 'file:///w/a.dts', active: true, partial: false, explicit: true }]);
  assert.deepEqual(parseContexts(null), []);
  assert.deepEqual(parseContexts({ contexts: 'x' }), []);
});

test('contextPickItems shows the file name, the workspace-relative path and marks the active board', () => {
  const items = contextPickItems([
    { uri: 'file:///w/boards/a%20b.dts', active: false, partial: false, explicit: false },
    { uri: 'file:///w/boards/c.dts', active: true, partial: false, explicit: false },
    { uri: 'file:///elsewhere/soc.dtsi', active: false, partial: true, explicit: false },
  ], 'file:///w');
  assert.deepEqual(items.map((i) => [i.label, i.description, i.picked]), [
    ['a b.dts', 'boards/a b.dts', false],
    ['$(check) c.dts', 'boards/c.dts', true],
    ['soc.dtsi', 'file:///elsewhere/soc.dtsi', false],
  ]);
  assert.match(items[2].detail ?? '', /partial/);
});
