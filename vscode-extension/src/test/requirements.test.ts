import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findJavaCandidate, parseMajorVersion, RequirementsError, resolveRequirements } from '../requirements';

test('parseMajorVersion reads modern and legacy version strings', () => {
  assert.equal(parseMajorVersion('openjdk version "17.0.9" 2023-10-17\nOpenJDK Runtime Environment'), 17);
  assert.equal(parseMajorVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseMajorVersion('java version "1.8.0_392"'), 8);
  assert.equal(parseMajorVersion('openjdk version "25-ea" 2025-09-16'), 25);
  assert.equal(parseMajorVersion('Picked up JAVA_TOOL_OPTIONS: -Dx=1\nopenjdk version "11.0.2" 2019-01-15'), 11);
  assert.equal(parseMajorVersion('no version here'), 0);
});

const noPath = () => undefined;

test('findJavaCandidate prefers the setting, then JAVA_HOME, then PATH', () => {
  assert.deepEqual(findJavaCandidate('/s', { JAVA_HOME: '/j' }, () => '/p/bin/java'), { home: '/s', source: 'dtdma.java.home' });
  assert.deepEqual(findJavaCandidate(null, { JAVA_HOME: '/j' }, () => '/p/bin/java'), { home: '/j', source: 'JAVA_HOME' });
  assert.deepEqual(findJavaCandidate('  ', {}, () => '/usr/lib/jvm/x/bin/java'), { home: '/usr/lib/jvm/x', source: 'PATH' });
  assert.equal(findJavaCandidate(undefined, {}, noPath), undefined);
});

test('findJavaCandidate expands ~ in the setting', () => {
  assert.deepEqual(findJavaCandidate('~/jdk', { HOME: '/home/u' }, noPath), { home: '/home/u/jdk', source: 'dtdma.java.home' });
});

test('resolveRequirements names the setting that points to a folder without java', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtdma-nojava-'));
  try {
    await assert.rejects(resolveRequirements(dir, {}), (e: Error) => e instanceof RequirementsError && /dtdma\.java\.home/.test(e.message) && /no bin\/java/.test(e.message));
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('resolveRequirements rejects a Java older than 17 with one clear message', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtdma-oldjava-'));
  try {
    fs.mkdirSync(path.join(dir, 'bin'));
    const fake = path.join(dir, 'bin', 'java');
    fs.writeFileSync(fake, '#!/bin/sh\necho \'java version "1.8.0_392"\' >&2\n');
    fs.chmodSync(fake, 0o755);
    await assert.rejects(resolveRequirements(null, { JAVA_HOME: dir }),
      (e: Error) => e instanceof RequirementsError && /version 8/.test(e.message) && /JAVA_HOME/.test(e.message) && /17 or newer/.test(e.message));
    fs.writeFileSync(fake, '#!/bin/sh\necho \'openjdk version "21.0.1" 2023-10-17\' >&2\n');
    assert.deepEqual(await resolveRequirements(null, { JAVA_HOME: dir }), { javaHome: dir, javaVersion: 21 });
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
