import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceLines, layoutTopology, renderGraphSvg } from '../topologyGraph';

const topology = {
  title: 'demo-board.dts after boot',
  mode: 'felsch-v2',
  devices: [
    { id: '30bd0000.dma-controller', kind: 'controller', label: 'sdma1', driver: 'imx-sdma', state: 'bound', rpmStatus: 'active', usageCount: 1,
      location: { uri: 'file:///w/demo-soc.dtsi', line: 95, character: 10 } },
    { id: 'dma0chan1', kind: 'channel', state: 'in use' },
    { id: '30860000.serial', kind: 'consumer', label: 'uart1', driver: 'imx-uart', state: 'bound', rpmStatus: 'suspended', usageCount: 0 },
    { id: '30860000.serial', kind: 'consumer' },
  ],
  edges: [
    { kind: 'parent', from: 'dma0chan1', to: '30bd0000.dma-controller' },
    { kind: 'uses', from: '30860000.serial', to: 'dma0chan1', name: 'rx' },
    { kind: 'link', from: '30860000.serial', to: '30bd0000.dma-controller', flags: 'AUTOREMOVE_CONSUMER', status: 'active' },
    { kind: 'link', from: '30860000.serial', to: 'nowhere', flags: 'X' },
  ],
};

test('deviceLines: name with label, driver and state, runtime PM', () => {
  assert.deepEqual(deviceLines(topology.devices[0]), ['sdma1 (30bd0000.dma-controller)', 'imx-sdma · bound', 'rpm active · usage 1']);
  assert.deepEqual(deviceLines({ id: 'x', kind: 'channel' }), ['x']);
});

test('layoutTopology places every device once, without overlaps, and drops edges to unknown devices', () => {
  const g = layoutTopology(topology);
  assert.equal(g.nodes.length, 3);
  assert.equal(g.edges.length, 3);
  for (const a of g.nodes) {
    assert.ok(a.x - a.width / 2 >= 0 && a.x + a.width / 2 <= g.width, `${a.id} inside the drawing`);
    for (const b of g.nodes) {
      if (a !== b) {
        const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        assert.ok(apart, `${a.id} and ${b.id} do not overlap`);
      }
    }
  }
  for (const e of g.edges) {
    assert.ok(e.points.length >= 2, `${e.kind} edge has a route`);
  }
  // left to right: the consumer before its channel, the channel before the controller
  const x = (id: string) => g.nodes.find((n) => n.id === id)!.x;
  assert.ok(x('30860000.serial') < x('dma0chan1') && x('dma0chan1') < x('30bd0000.dma-controller'));
});

test('renderGraphSvg draws one node group per device with its source location, and labelled edges', () => {
  const svg = renderGraphSvg(layoutTopology(topology));
  assert.equal((svg.match(/<g class="node /g) ?? []).length, 3);
  assert.match(svg, /<g class="node node-controller" data-id="30bd0000\.dma-controller" data-uri="file:\/\/\/w\/demo-soc\.dtsi" data-line="95" data-character="10">/);
  assert.match(svg, />AUTOREMOVE_CONSUMER · active<\/text>/);
  assert.match(svg, />rx<\/text>/);
  assert.match(svg, /<g class="edge edge-parent"><path d="M[^"]+" fill="none" stroke="#999999" stroke-width="1" stroke-dasharray="3 3"\/>/);
});

test('an empty topology lays out as an empty drawing', () => {
  const g = layoutTopology({ devices: [], edges: [] });
  assert.equal(g.nodes.length, 0);
  assert.match(renderGraphSvg(g), /^<svg id="graph"/);
});
