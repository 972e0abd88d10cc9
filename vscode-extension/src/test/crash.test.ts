import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { crashReason, heapLimit, OutputTail } from '../crash';

test('OutputTail keeps the last lines, across chunk boundaries', () => {
  const t = new OutputTail(3);
  t.append('one\ntw');
  t.append('o\nthree\nfour\nfi');
  assert.equal(t.text(), 'two\nthree\nfour\nfi');
  t.clear();
  assert.equal(t.text(), '');
});

test('heapLimit reads the last -Xmx', () => {
  assert.equal(heapLimit(['-Xmx512m', '-Dx', '-Xmx2G', '-jar']), '2G');
  assert.equal(heapLimit(['-jar']), undefined);
});

test('crashReason names an out-of-memory exit with the heap limit', () => {
  const r = crashReason(3, null, 'Terminating due to java.lang.OutOfMemoryError: Java heap space\n', '1G');
  assert.match(r, /ran out of memory \(Java heap limit -Xmx1G\)/);
  assert.match(r, /dtdma\.server\.vmargs/);
});

test('crashReason names a signal, or the exit code with the last error line', () => {
  assert.match(crashReason(null, 'SIGKILL', '', '1G'), /killed \(SIGKILL/);
  assert.equal(crashReason(null, 'SIGTERM', '', undefined), 'it was stopped by SIGTERM');
  assert.equal(crashReason(1, null, 'INFO: fine\nError: Unable to access jarfile /x/dtdma.jar\n', undefined),
    'it exited with code 1 (Error: Unable to access jarfile /x/dtdma.jar)');
  assert.equal(crashReason(0, null, '', undefined), 'it exited with code 0');
  assert.equal(crashReason(null, null, '', undefined), 'its connection closed');
});
