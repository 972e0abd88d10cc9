import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { initializationContexts, readRemembered, remember } from '../contextMemory';

const soc = 'file:///w/soc.dtsi';
const a = 'file:///w/a.dts';
const b = 'file:///w/b.dts';

test('readRemembered drops malformed entries', () => {
  assert.deepEqual(readRemembered({ [soc]: { context: a, explicit: true }, x: { context: 3 }, y: null }),
    { [soc]: { context: a, explicit: true } });
  assert.deepEqual(readRemembered(undefined), {});
  assert.deepEqual(readRemembered('x'), {});
});

test('remember keeps the active board of a .dtsi and whether it was picked; boards and lone files are not kept', () => {
  const m1 = remember({}, soc, [
    { uri: a, active: false, partial: false, explicit: false },
    { uri: b, active: true, partial: false, explicit: false },
  ]);
  assert.deepEqual(m1, { [soc]: { context: b, explicit: false } });
  assert.equal(remember(m1!, soc, [{ uri: b, active: true, partial: false, explicit: false }]), undefined, 'unchanged');
  const m2 = remember(m1!, soc, [{ uri: a, active: true, partial: false, explicit: true }]);
  assert.deepEqual(m2, { [soc]: { context: a, explicit: true } });
  assert.equal(remember({}, a, [{ uri: a, active: true, partial: false, explicit: false }]), undefined);
  assert.equal(remember({}, soc, [{ uri: soc, active: true, partial: true, explicit: false }]), undefined);
  assert.deepEqual(initializationContexts(m2!), [{ uri: soc, context: a, explicit: true }]);
});
