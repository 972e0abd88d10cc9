import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../restartPolicy';

const MIN = 60 * 1000;

test('restarts five times within ten minutes, then gives up', () => {
  const p = new RestartPolicy();
  for (let i = 0; i < 5; i++) {
    assert.equal(p.shouldRestart(i * MIN), true, `crash ${i + 1}`);
  }
  assert.equal(p.shouldRestart(5 * MIN), false);
  assert.equal(p.shouldRestart(9 * MIN), false);
});

test('crashes older than ten minutes no longer count', () => {
  const p = new RestartPolicy();
  for (let i = 0; i < 5; i++) {
    assert.equal(p.shouldRestart(i * MIN), true);
  }
  // the first crash (t=0) leaves the window at t=10min
  assert.equal(p.shouldRestart(10 * MIN), true);
  assert.equal(p.shouldRestart(10 * MIN + 1), false);
});

test('reset forgets earlier crashes', () => {
  const p = new RestartPolicy();
  for (let i = 0; i < 5; i++) {
    p.shouldRestart(i);
  }
  assert.equal(p.shouldRestart(10), false);
  p.reset();
  assert.equal(p.shouldRestart(11), true);
});
