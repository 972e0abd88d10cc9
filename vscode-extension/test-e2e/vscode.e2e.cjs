// End-to-end test in the real VS Code workbench (code-server) driven by Chromium through playwright-core.
// Run by scripts/e2e.sh, which installs everything, starts code-server and sets the environment:
//   DTDMA_E2E_URL  the workbench URL (with ?folder=)     DTDMA_E2E_OUT  folder for screenshots
// Opens examples/imx-demo/broken-board.dts, waits for dtdma's diagnostics in the Problems panel and hovers
// a `dmas` specifier.
'use strict';
const { chromium } = require('playwright-core');
const path = require('path');
const assert = require('assert/strict');

const url = process.env.DTDMA_E2E_URL;
const out = process.env.DTDMA_E2E_OUT;
const timings = {};
const t0 = Date.now();
const mark = (name) => { timings[name] = Date.now() - t0; console.log(`[e2e] ${name} after ${timings[name]} ms`); };

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
  await page.keyboard.type(name);
  await page.waitForFunction((n) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
    .some((r) => r.textContent.includes(n)), name, { timeout: 20000 });
  await page.keyboard.press('Enter');
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
  await page.keyboard.type(title);
  await page.waitForFunction((t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
    .some((r) => r.textContent.includes(t.replace(/^dtdma: /, ''))), title, { timeout: 20000 });
  await page.keyboard.press('Enter');
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.DTDMA_E2E_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  try {
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    mark('workbench loaded');
    // The explorer shows the folder once the workbench is ready for input.
    await page.waitForSelector('.explorer-folders-view, .monaco-list', { timeout: 60000 });

    // Quick Open the broken board.
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } });
    await quickOpen(page, 'broken-board.dts');
    await page.waitForSelector('.tab[aria-label*="broken-board.dts"]', { timeout: 20000 });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20000 });
    mark('file opened');

    // Language mode in the status bar comes from the extension's language contribution.
    const mode = await page.locator('.statusbar-item[id="status.editor.mode"]').innerText({ timeout: 10000 });
    console.log(`[e2e] language mode: ${mode.trim()}`);

    // Problems panel: wait for the server's diagnostics.
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { timeout: 20000 });
    await page.waitForFunction(() => {
      const p = document.querySelector('.markers-panel');
      return !!p && p.textContent.includes('DT003') && p.textContent.includes('TR001');
    }, null, { timeout: 120000, polling: 250 });
    mark('diagnostics DT003 and TR001 shown');
    const problems = await page.locator('.markers-panel').innerText();
    console.log('[e2e] problems panel:\n' + problems.split('\n').slice(0, 20).map((l) => '    ' + l).join('\n'));
    await page.screenshot({ path: path.join(out, 'problems.png') });

    // Hover the first specifier of `dmas = <&sdma1 22 SDMA_UART 0>, ...` (line 18): move the mouse onto "22".
    const line = page.locator('.monaco-editor .view-line', { hasText: 'sdma1 22 SDMA_UART' }).first();
    await line.waitFor({ timeout: 10000 });
    const token = line.locator('span > span', { hasText: /^22$/ }).first();
    const tokenClass = await token.getAttribute('class');
    console.log(`[e2e] token "22" is rendered with class ${tokenClass} (grammar colouring)`);
    const box = await token.boundingBox();
    assert.ok(box, 'the "22" token is visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(100);
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover-content')]
      .some((e) => e.textContent.includes('dmas[0]')), null, { timeout: 30000, polling: 250 });
    const hoverText = await hover.innerText();
    mark('hover shown');
    console.log('[e2e] hover:\n' + hoverText.split('\n').map((l) => '    ' + l).join('\n'));
    assert.match(hoverText, /dmas\[0\]/);
    assert.match(hoverText, /serial@30860000/);
    assert.match(hoverText, /predicted channel/);
    await page.screenshot({ path: path.join(out, 'hover.png') });
    await page.mouse.move(10, 990);

    // dtdma: Select Board Context… on the .dtsi lists the boards that include it (dtdma/contexts).
    await quickOpen(page, 'demo-soc.dtsi');
    await page.waitForSelector('.tab.active[aria-label*="demo-soc.dtsi"]', { timeout: 20000 });
    await runCommand(page, 'dtdma: Select Board Context');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => r.textContent);
      return rows.some((t) => t.includes('broken-board.dts')) && rows.some((t) => t.includes('demo-board.dts'));
    }, null, { timeout: 20000, polling: 250 });
    const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    console.log('[e2e] context pick: ' + rows.map((r) => r.replace(/\s+/g, ' ').trim()).join(' | '));
    await page.screenshot({ path: path.join(out, 'contexts.png') });
    await page.keyboard.press('Escape');
    mark('contexts listed');

    // dtdma: Show DMA Topology opens the webview with the board's graph from dtdma/topology.
    await runCommand(page, 'dtdma: Show DMA Topology');
    let webviewText = '';
    for (let i = 0; i < 80 && !/30bd0000\.dma-controller/.test(webviewText); i++) {
      await page.waitForTimeout(250);
      for (const f of page.frames()) {
        const t = await f.evaluate(() => document.body ? document.body.innerText : '').catch(() => '');
        if (/30bd0000\.dma-controller|dtdma\/topology/i.test(t) && !f.url().startsWith(page.url().split('?')[0] + '?')) {
          webviewText = t;
        }
      }
    }
    console.log('[e2e] topology view: ' + webviewText.replace(/\s+/g, ' ').trim().slice(0, 300));
    assert.match(webviewText, /30bd0000\.dma-controller/, 'the SDMA controller is in the topology view');
    await page.screenshot({ path: path.join(out, 'topology.png') });
    mark('topology view shown');
    console.log(`[e2e] PASS ${JSON.stringify(timings)}`);
  } catch (e) {
    await page.screenshot({ path: path.join(out, 'failure.png') }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`[e2e] FAIL: ${e && e.stack || e}`);
  process.exit(1);
});
