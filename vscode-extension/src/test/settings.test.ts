import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { serverSettings } from '../settings';

const extensionDir = path.resolve(__dirname, '..', '..');
const declared: Record<string, { default?: unknown; description?: string; type?: unknown }> = JSON.parse(
  fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'),
).contributes.configuration.properties;

test('every setting sent to the server is declared in package.json with the same default and a description', () => {
  const read: Record<string, unknown> = {};
  serverSettings(<T>(key: string, fallback: T) => {
    read[key] = fallback;
    return fallback;
  });
  for (const key of ['format.enable', 'format.lineWidth', 'format.keepFileStyle', 'style', 'bindings', 'dtSchema']) {
    assert.ok(key in read, `${key} is not sent`);
  }
  for (const [key, fallback] of Object.entries(read)) {
    const d = declared[`dtdma.${key}`];
    assert.ok(d, `dtdma.${key} is not declared`);
    assert.deepEqual(d.default, fallback, `default of dtdma.${key}`);
    assert.ok((d.description ?? '').length > 20, `dtdma.${key} has no description`);
  }
});

test('the format settings reach the server nested as FormatSettings reads them', () => {
  const values: Record<string, unknown> = {
    'format.enable': false,
    'format.lineWidth': 80,
    'format.keepFileStyle': false,
    style: true,
  };
  const s = serverSettings(<T>(key: string, fallback: T) => (key in values ? (values[key] as T) : fallback));
  assert.deepEqual(s.dtdma.format, { enable: false, lineWidth: 80, keepFileStyle: false });
  assert.equal(s.dtdma.style, true);
  // the other settings keep their defaults
  assert.equal(s.dtdma.dtcWarnings, 'kernel');
  assert.deepEqual(s.dtdma.devlink, { mode: 'none', fwDevlinkStrict: false });
});

test('the defaults are the server\'s (FormatSettings.DEFAULT: enabled, 100 columns, file style kept, no style checks)', () => {
  const s = serverSettings(<T>(_key: string, fallback: T) => fallback);
  assert.deepEqual(s.dtdma.format, { enable: true, lineWidth: 100, keepFileStyle: true });
  assert.equal(s.dtdma.style, false);
  assert.equal(declared['dtdma.format.lineWidth'].type, 'number');
});

test('the binding settings reach the server as dtdma.bindings and dtdma.dtSchema (DtdmaLanguageServer.readBindingSettings)', () => {
  const values: Record<string, unknown> = { bindings: 'linux/Documentation/devicetree/bindings', dtSchema: '/opt/dtschema' };
  const s = serverSettings(<T>(key: string, fallback: T) => (key in values ? (values[key] as T) : fallback));
  assert.equal(s.dtdma.bindings, 'linux/Documentation/devicetree/bindings');
  assert.equal(s.dtdma.dtSchema, '/opt/dtschema');
  // unset: null, which the server reads as "find them" (the kernel tree, an installed dt-schema)
  const d = serverSettings(<T>(_key: string, fallback: T) => fallback);
  assert.equal(d.dtdma.bindings, null);
  assert.equal(d.dtdma.dtSchema, null);
  assert.deepEqual(declared['dtdma.bindings'].type, ['string', 'null']);
  assert.deepEqual(declared['dtdma.dtSchema'].type, ['string', 'null']);
});
