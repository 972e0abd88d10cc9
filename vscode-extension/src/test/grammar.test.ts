import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

// out/test/grammar.test.js → the extension folder is two levels up
const extensionDir = path.resolve(__dirname, '..', '..');
const examplesDir = path.resolve(extensionDir, '..', 'examples', 'imx-demo');

interface Token {
  line: number;
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'source.dts') {
        return null;
      }
      const file = path.join(extensionDir, 'syntaxes', 'dts.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const g = await registry.loadGrammar('source.dts');
  assert.ok(g, 'grammar loads');
  grammar = g;
});

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      tokens.push({ line: i + 1, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return tokens;
}

function tokenizeExample(name: string): Token[] {
  return tokenize(fs.readFileSync(path.join(examplesDir, name), 'utf8'));
}

/** The first token with exactly this text on a line containing `lineContains` (or anywhere). */
function find(tokens: Token[], text: string, onLine?: (n: number) => boolean): Token {
  const t = tokens.find((x) => x.text === text && (!onLine || onLine(x.line)));
  assert.ok(t, `no token ${JSON.stringify(text)}`);
  return t;
}

function assertScope(t: Token, scope: string): void {
  assert.ok(t.scopes.includes(scope), `${JSON.stringify(t.text)} (line ${t.line}) has ${t.scopes.join(' ')}, expected ${scope}`);
}

test('demo-soc.dtsi: directive, label, node with unit address, #-property, reference, string', () => {
  const tokens = tokenizeExample('demo-soc.dtsi');
  const hash = find(tokens, '#', (l) => l === 7);
  assertScope(hash, 'keyword.control.directive.include.dts');
  assertScope(hash, 'punctuation.definition.directive.dts');
  assertScope(find(tokens, 'include'), 'keyword.control.directive.include.dts');
  assertScope(find(tokens, '<dt-bindings/clock/demo-clock.h>'), 'string.quoted.other.lt-gt.include.dts');
  assertScope(find(tokens, 'define'), 'keyword.control.directive.define.dts');
  assertScope(find(tokens, 'DEMO_DMA'), 'entity.name.function.preprocessor.dts');
  assertScope(find(tokens, 'sdma2'), 'entity.name.label.dts');
  assertScope(find(tokens, 'dma-controller'), 'entity.name.tag.dts');
  assertScope(find(tokens, '@'), 'punctuation.separator.unit-address.dts');
  assertScope(find(tokens, '30e10000'), 'constant.numeric.unit-address.dts');
  for (const name of ['#address-cells', '#size-cells', '#dma-cells', '#clock-cells']) {
    assertScope(find(tokens, name), 'variable.other.property.dts');
  }
  assertScope(find(tokens, 'fsl,sdma-ram-script-name'), 'variable.other.property.dts');
  assertScope(find(tokens, 'clk', (l) => l > 30), 'variable.other.reference.dts');
  assertScope(find(tokens, 'imx/sdma/sdma-imx7d.bin'), 'string.quoted.double.dts');
  assertScope(find(tokens, '0x30e10000'), 'constant.numeric.hex.dts');
  assertScope(find(tokens, 'SDMA_CSPI', (l) => l > 30), 'variable.other.constant.macro.dts');
  assertScope(find(tokens, '// SPDX-License-Identifier: MIT'.substring(2)), 'comment.line.double-slash.dts');
});

test('demo-board.dts: /dts-v1/, &label overrides and their bodies', () => {
  const tokens = tokenizeExample('demo-board.dts');
  assertScope(find(tokens, '/dts-v1/'), 'keyword.other.dts-v1.dts');
  const refs = tokens.filter((t) => t.scopes.includes('variable.other.reference.dts'));
  assert.ok(refs.length > 0, 'references are scoped');
  for (const r of refs) {
    assert.match(r.text, /^[A-Za-z_]\w*$/);
  }
  const status = find(tokens, 'status');
  assertScope(status, 'variable.other.property.dts');
  assertScope(find(tokens, 'okay'), 'string.quoted.double.dts');
});

test('dtc constructs the examples do not use', () => {
  const tokens = tokenize([
    '/dts-v1/;',
    '/plugin/;',
    '/memreserve/ 0x10000000 0x4000;',
    '/include/ "other.dtsi"',
    '/ {',
    '\tnode: node@1,2 {',
    '\t\tmac = [00 11 22 aa BB cc];',
    '\t\tbits = /bits/ 8 <0x12 (1 << 3) \'a\'>;',
    '\t\tpath = &{/soc/serial@30860000};',
    '\t\tlinux,code = <KEY_A>;',
    '\t\tgpio-controller;',
    '\t};',
    '\t/delete-node/ &uart3;',
    '\t/delete-property/ status;',
    '};',
    '#if defined(FOO) && BAR > 1',
    '#endif',
    '#ifdef-cells = <1>;',
  ].join('\n'));
  assertScope(find(tokens, '/plugin/'), 'keyword.other.plugin.dts');
  assertScope(find(tokens, '/memreserve/'), 'keyword.other.memreserve.dts');
  assertScope(find(tokens, '/include/'), 'keyword.control.directive.include.dts');
  assertScope(find(tokens, '"other.dtsi"'), 'string.quoted.double.include.dts');
  assertScope(find(tokens, '/'), 'entity.name.tag.root.dts');
  assertScope(find(tokens, 'node', (l) => l === 6), 'entity.name.label.dts');
  assertScope(find(tokens, '1,2'), 'constant.numeric.unit-address.dts');
  assertScope(find(tokens, 'aa'), 'constant.numeric.byte.dts');
  assertScope(find(tokens, 'aa'), 'meta.byte-string.dts');
  assertScope(find(tokens, '/bits/'), 'keyword.other.bits.dts');
  assertScope(find(tokens, '<<'), 'keyword.operator.dts');
  assertScope(find(tokens, "'a'"), 'constant.character.dts');
  assertScope(find(tokens, '/soc/serial@30860000'), 'variable.other.reference.path.dts');
  assertScope(find(tokens, 'linux,code'), 'variable.other.property.dts');
  assertScope(find(tokens, 'gpio-controller'), 'variable.other.property.dts');
  assertScope(find(tokens, '/delete-node/'), 'keyword.other.delete-node.dts');
  assertScope(find(tokens, 'uart3'), 'variable.other.reference.dts');
  assertScope(find(tokens, 'status', (l) => l === 14), 'variable.other.property.dts');
  assertScope(find(tokens, 'defined'), 'keyword.control.directive.conditional.defined.dts');
  assertScope(find(tokens, 'endif'), 'keyword.control.directive.endif.dts');
  assertScope(find(tokens, '#ifdef-cells'), 'variable.other.property.dts');
});

test('broken-board.dts: a property missing its ";" does not swallow the next property', () => {
  const tokens = tokenizeExample('broken-board.dts');
  assertScope(find(tokens, 'num-cs'), 'variable.other.property.dts');
  assertScope(find(tokens, 'uart3'), 'variable.other.reference.dts');
  assertScope(find(tokens, '22'), 'constant.numeric.decimal.dts');
  assertScope(find(tokens, '22'), 'meta.cell-array.dts');
});
