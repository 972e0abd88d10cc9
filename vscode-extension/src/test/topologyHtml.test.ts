import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, fileNameOf, modeInWords, renderTopologyBody, renderTopologyPage } from '../topologyHtml';

test('escapeHtml escapes markup', () => {
  assert.equal(escapeHtml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
});

test('a message is shown as text, escaped', () => {
  assert.equal(renderTopologyBody({ kind: 'message', text: 'no <topology>' }), '<p class="message">no &lt;topology&gt;</p>');
});

test('a topology result renders devices, held channels, links and findings', () => {
  const html = renderTopologyBody({
    kind: 'result',
    result: {
      title: 'demo-board after boot',
      mode: 'fw_devlink=on',
      devices: [
        { id: '30e10000.dma-controller', kind: 'controller', label: 'sdma2', driver: 'imx-sdma', state: 'bound', rpmStatus: 'active' },
        { id: '30860000.serial', kind: 'consumer', label: 'uart1', driver: 'imx-uart', state: 'bound', rpmStatus: 'suspended' },
      ],
      edges: [
        { kind: 'uses', from: '30860000.serial', to: 'dma0chan1', name: 'rx' },
        { kind: 'link', from: '30860000.serial', to: '30e10000.dma-controller', flags: 'STATELESS', status: 'active' },
      ],
      findings: ['DL001 /soc/serial: <something>'],
    },
  });
  assert.match(html, /<h2>demo-board after boot<\/h2>/);
  assert.match(html, /controllers \(1\)/);
  assert.match(html, /consumers \(1\)/);
  assert.match(html, /channels held \(1\)/);
  assert.match(html, /device links \(1\)/);
  assert.match(html, /<li>DL001 \/soc\/serial: &lt;something&gt;<\/li>/);
});

test('an unknown result shape is shown as JSON', () => {
  assert.match(renderTopologyBody({ kind: 'result', result: { graph: 'x' } }), /<pre>\{\n  &quot;graph&quot;: &quot;x&quot;\n\}<\/pre>/);
});

test('the page allows only its own script (by nonce) and names the board and the mode in words', () => {
  const page = renderTopologyPage({ kind: 'result', result: { title: 'demo-board.dts after boot', mode: 'felsch-v2 + fw_devlink.strict', devices: [], edges: [] } },
    'demo-board.dts', 'vscode-resource:', { nonce: 'abc123', board: 'demo-board.dts', graphSvg: '<svg id="graph"></svg>' });
  assert.match(page, /default-src 'none'/);
  assert.match(page, /script-src 'nonce-abc123'/);
  assert.equal((page.match(/<script/g) ?? []).length, 1);
  assert.match(page, /<script nonce="abc123">/);
  assert.match(page, /<h1 id="title">demo-board\.dts — DMA topology after boot<\/h1>/);
  assert.match(page, /Mode: Felsch v2: links consumer → controller only for controllers that opt in \(create_devlink\); plus fw_devlink\.strict/);
  assert.match(page, /<option value="felsch-v2" selected>/);
  assert.match(page, /<div id="graph-pane"><svg id="graph"><\/svg><\/div>/);
  assert.match(page, /<div id="table-pane" hidden>/);
});

test('the page carries the view state (file, mode) that VS Code restores after a reload', () => {
  const page = renderTopologyPage({ kind: 'message', text: 'x' }, '', 'vscode-resource:',
    { nonce: 'n', state: { uri: 'file:///w/a "b".dtsi', mode: 'felsch-v2' } });
  assert.match(page, /<body data-state="\{&quot;uri&quot;:&quot;file:\/\/\/w\/a \\&quot;b\\&quot;\.dtsi&quot;,&quot;mode&quot;:&quot;felsch-v2&quot;\}">/);
  assert.match(page, /vscode\.setState\(JSON\.parse\(document\.body\.dataset\.state/);
});

test('modeInWords and fileNameOf', () => {
  assert.equal(modeInWords('none'), 'mainline: dmaengine creates no device links');
  assert.match(modeInWords('custom (STATELESS to the controller device)'), /^custom flags/);
  assert.equal(modeInWords('something-new'), 'something-new');
  assert.equal(fileNameOf('file:///w/a%20b/imx8mp-evk.dts'), 'imx8mp-evk.dts');
});
