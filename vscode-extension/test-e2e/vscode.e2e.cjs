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
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
    await page.keyboard.type('broken-board.dts');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
    await page.keyboard.press('Enter');
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
