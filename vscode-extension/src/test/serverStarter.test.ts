import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildServerCommand, DEFAULT_HEAP, EXIT_ON_OOM, FEW_CORES_JIT, parseVMargs, VM_OUTPUT_TO_STDERR } from '../serverStarter';

test('parseVMargs splits on whitespace', () => {
  assert.deepEqual(parseVMargs('-Xmx1G  -Dfoo=bar\t-ea'), ['-Xmx1G', '-Dfoo=bar', '-ea']);
});

test('parseVMargs handles empty and missing values', () => {
  assert.deepEqual(parseVMargs(''), []);
  assert.deepEqual(parseVMargs('   '), []);
  assert.deepEqual(parseVMargs(null), []);
  assert.deepEqual(parseVMargs(undefined), []);
});

test('parseVMargs groups double-quoted text and removes the quotes', () => {
  assert.deepEqual(parseVMargs('-Dpath="a b c" -Xss4m'), ['-Dpath=a b c', '-Xss4m']);
  assert.deepEqual(parseVMargs('"-Dx=1 2"'), ['-Dx=1 2']);
  assert.deepEqual(parseVMargs('-Dq="say \\"hi\\""'), ['-Dq=say "hi"']);
  assert.deepEqual(parseVMargs('-De=""'), ['-De=']);
});

test('buildServerCommand runs the bundled jar in lsp --stdio mode with the OOM flag', () => {
  const cmd = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', vmargs: '-Xmx2G', platform: 'linux', cpus: 8 });
  assert.equal(cmd.command, '/opt/jdk/bin/java');
  assert.deepEqual(cmd.args, ['-Xmx2G', EXIT_ON_OOM, VM_OUTPUT_TO_STDERR, '-jar', '/ext/server/dtdma.jar', 'lsp', '--stdio']);
});

test('buildServerCommand does not repeat an OOM flag the user set', () => {
  const cmd = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', vmargs: '-XX:-ExitOnOutOfMemoryError', platform: 'linux', cpus: 8 });
  assert.deepEqual(cmd.args.filter((a) => a.includes('ExitOnOutOfMemoryError')), ['-XX:-ExitOnOutOfMemoryError']);
});

test('buildServerCommand keeps the JVM\'s own messages off stdout unless the user says otherwise', () => {
  const cmd = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', platform: 'linux', cpus: 8 });
  assert.equal(cmd.args.filter((a) => a === VM_OUTPUT_TO_STDERR).length, 1);
  const own = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', vmargs: '-XX:-DisplayVMOutputToStderr', platform: 'linux', cpus: 8 });
  assert.deepEqual(own.args.filter((a) => a.includes('DisplayVMOutputToStderr')), ['-XX:-DisplayVMOutputToStderr']);
});

test('buildServerCommand uses java.exe on Windows', () => {
  const cmd = buildServerCommand({ javaHome: '/jdk', extensionPath: '/ext', platform: 'win32', cpus: 8 });
  assert.match(cmd.command, /java\.exe$/);
  assert.deepEqual(cmd.args.slice(0, 4), [DEFAULT_HEAP, EXIT_ON_OOM, VM_OUTPUT_TO_STDERR, '-jar']);
});

test('buildServerCommand bounds the heap when the vmargs do not, and passes --stdio exactly once', () => {
  const none = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', vmargs: '-Dx=1', platform: 'linux', cpus: 8 });
  assert.deepEqual(none.args, ['-Dx=1', '-Xmx1G', EXIT_ON_OOM, VM_OUTPUT_TO_STDERR, '-jar', '/ext/server/dtdma.jar', 'lsp', '--stdio']);
  const pct = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', vmargs: '-XX:MaxRAMPercentage=25', platform: 'linux', cpus: 8 });
  assert.ok(!pct.args.includes(DEFAULT_HEAP));
  assert.equal(none.args.filter((a) => a === '--stdio').length, 1);
});

test('buildServerCommand uses the C1 compiler only on two cores or fewer, unless the vmargs choose', () => {
  const two = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', platform: 'linux', cpus: 2 });
  assert.deepEqual(two.args, [DEFAULT_HEAP, EXIT_ON_OOM, VM_OUTPUT_TO_STDERR, FEW_CORES_JIT, '-jar', '/ext/server/dtdma.jar', 'lsp', '--stdio']);
  const eight = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', platform: 'linux', cpus: 8 });
  assert.ok(!eight.args.includes(FEW_CORES_JIT));
  for (const own of ['-XX:TieredStopAtLevel=4', '-XX:-TieredCompilation']) {
    const cmd = buildServerCommand({ javaHome: '/opt/jdk', extensionPath: '/ext', vmargs: own, platform: 'linux', cpus: 1 });
    assert.deepEqual(cmd.args.filter((a) => a.includes('Tiered')), [own]);
  }
});
