// End-to-end test in the real VS Code workbench (code-server) driven by Chromium through playwright-core.
// Run by scripts/e2e.sh, which installs everything, starts code-server on a new (untrusted) copy of examples/
// with workspace trust on, and sets the environment:
//   DTDMA_E2E_URL  the workbench URL (with ?folder=)     DTDMA_E2E_OUT  folder for screenshots
//   DTDMA_E2E_EXPECT_NODES  devices the topology graph of demo-board.dts must draw
// Scenario: Restricted Mode message → trust → open demo-board.dts, then demo-soc.dtsi (analysed in demo-board,
// not in the alphabetically first broken-board, whose problems stay out of the Problems panel) → status items →
// hover (names the board, runtime PM on top) → topology graph (node count, click to source, mode selector,
// table tab) → pick broken-board.dts as the context → restart the server and reload the window: the pick stays.
'use strict';
const { chromium } = require('playwright-core');
const path = require('path');
const assert = require('assert/strict');

const url = process.env.DTDMA_E2E_URL;
const out = process.env.DTDMA_E2E_OUT;
const expectNodes = Number(process.env.DTDMA_E2E_EXPECT_NODES || '0');
const timings = {};
const t0 = Date.now();
const mark = (name) => { timings[name] = Date.now() - t0; console.log(`[e2e] ${name} after ${timings[name]} ms`); };
const shot = (page, name) => page.screenshot({ path: path.join(out, name) });

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
  await page.keyboard.type(name);
  await page.waitForFunction((n) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
    .some((r) => r.textContent.includes(n)), name, { timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 20000 });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
  await page.keyboard.type(title);
  await page.waitForFunction((t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
    .some((r) => r.textContent.includes(t.replace(/^[^:]*: /, ''))), title, { timeout: 20000 });
  await page.keyboard.press('Enter');
}

/** The text of dtdma's status-bar entry, waiting until it matches. */
async function statusBar(page, re, timeout = 120000) {
  const h = await page.waitForFunction((src) => {
    const r = new RegExp(src);
    const item = [...document.querySelectorAll('.statusbar-item')].find((e) => /dtdma|\.dts/.test(e.textContent)
      && e.id && e.id.includes('dtdma'));
    return item && r.test(item.textContent) ? item.textContent : false;
  }, re.source, { timeout, polling: 250 });
  return h.jsonValue();
}

async function problemsText(page) {
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { timeout: 20000 });
  await page.waitForTimeout(500);
  return page.locator('.markers-panel').innerText();
}

/** The webview frame whose document has the topology page. */
async function topologyFrame(page, predicate, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const f of page.frames()) {
      const ok = await f.evaluate(predicate).catch(() => false);
      if (ok) {
        return f;
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the topology webview did not show the expected content');
}

/** Moves the mouse onto a token until a hover containing `expect` shows (a hover can be missed once). */
async function hoverToken(page, lineText, tokenRe, expect) {
  for (let attempt = 1; ; attempt++) {
    const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
    await line.waitFor({ timeout: 10000 });
    const token = line.locator('span > span', { hasText: tokenRe }).first();
    const box = await token.boundingBox();
    assert.ok(box, `token ${tokenRe} visible`);
    await page.mouse.move(10, 990);
    await page.waitForTimeout(300);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(100);
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
    try {
      await page.waitForFunction((t) => [...document.querySelectorAll('.monaco-hover-content')]
        .some((e) => e.textContent.includes(t)), expect, { timeout: 10000, polling: 250 });
      return;
    } catch (e) {
      if (attempt === 3) {
        throw e;
      }
      console.log(`[e2e] no hover yet (attempt ${attempt}), trying again`);
    }
  }
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

    // 1. A new folder opens untrusted: decline, open a board, and read dtdma's message.
    const noTrust = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ });
    await noTrust.waitFor({ timeout: 60000 });
    await shot(page, '01-trust-prompt.png');
    await noTrust.click();
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } });
    await quickOpen(page, 'demo-board.dts');
    const restricted = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Restricted Mode' }).first();
    await restricted.waitFor({ timeout: 30000 });
    const restrictedText = await restricted.innerText();
    console.log('[e2e] restricted message: ' + restrictedText.replace(/\s+/g, ' ').trim());
    assert.match(restrictedText, /needs trust/);
    const mode = await page.locator('.statusbar-item[id="status.editor.mode"]').innerText({ timeout: 10000 });
    assert.match(mode, /Devicetree/, 'syntax support works in Restricted Mode');
    await statusBar(page, /Restricted Mode/, 20000);
    await shot(page, '02-restricted-mode.png');
    mark('Restricted Mode message shown');

    // 2. Trust the folder from the message's button; the server starts without a reload.
    await restricted.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).click();
    const trustButton = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$|Trust Folder/ }).first();
    await trustButton.waitFor({ timeout: 20000 });
    await shot(page, '03-trust-editor.png');
    await trustButton.click();
    await page.locator('.workspace-trust-editor', { hasText: 'You trust this folder' }).waitFor({ timeout: 20000 });
    mark('folder trusted');
    // the trust editor opens as a modal editor: close it
    await page.keyboard.press('Escape');
    if (await page.locator('.workspace-trust-editor').isVisible()) {
      await page.locator('.monaco-workbench').getByRole('button', { name: /Close/ }).last().click().catch(() => undefined);
    }
    await page.locator('.workspace-trust-editor').waitFor({ state: 'hidden', timeout: 10000 });
    await quickOpen(page, 'demo-board.dts');
    const ready = await statusBar(page, /demo-board\.dts/);
    console.log(`[e2e] status bar on demo-board.dts: ${ready.trim()}`);

    // 3. The .dtsi is analysed in the board the user opened, not the alphabetically first includer.
    await quickOpen(page, 'demo-soc.dtsi');
    const dtsiStatus = await statusBar(page, /demo-board\.dts/);
    console.log(`[e2e] status bar on demo-soc.dtsi: ${dtsiStatus.trim()}`);
    await page.waitForFunction(() => {
      const p = document.querySelector('.markers-panel');
      return !p || true;
    });
    let problems = await problemsText(page);
    await page.waitForFunction(() => (document.querySelector('.markers-panel')?.textContent ?? '').includes('SD005'), null,
      { timeout: 60000, polling: 250 });
    problems = await page.locator('.markers-panel').innerText();
    console.log('[e2e] problems panel:\n' + problems.split('\n').slice(0, 12).map((l) => '    ' + l).join('\n'));
    assert.doesNotMatch(problems, /broken-board/, 'no problems of a board the user did not open');
    assert.doesNotMatch(problems, /DT003|TR001/, 'broken-board.dts problems stay out');
    // the language status item (the {} next to the language mode) names the board too
    await page.locator('.statusbar-item[id="status.languageStatus"]').click();
    const langStatus = page.locator('.monaco-hover-content, .context-view', { hasText: 'Board: demo-board.dts' }).first();
    await langStatus.waitFor({ timeout: 10000 });
    console.log('[e2e] language status: ' + (await langStatus.innerText()).replace(/\s+/g, ' ').trim().slice(0, 200));
    await shot(page, '04-dtsi-in-demo-board.png');
    await page.keyboard.press('Escape');
    mark('dtsi analysed in demo-board.dts');

    // 4. Hover: names the board; runtime PM is on top, visible without scrolling.
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20000 });
    await page.keyboard.type('70');
    await page.keyboard.press('Enter');
    await hoverToken(page, 'sdma1 22 SDMA_UART', /^22$/, 'dmas[0]');
    const hover = page.locator('.monaco-hover-content', { hasText: 'dmas[0]' }).first();
    const hoverText = await hover.innerText();
    console.log('[e2e] hover (first lines):\n' + hoverText.split('\n').slice(0, 6).map((l) => '    ' + l).join('\n'));
    assert.match(hoverText, /^Board: demo-board\.dts/);
    const pm = hover.locator('strong', { hasText: 'Runtime PM' }).first();
    const pmBox = await pm.boundingBox();
    const hoverBox = await page.locator('.monaco-hover:not(.hidden), .monaco-resizable-hover').filter({ hasText: 'dmas[0]' }).first().boundingBox();
    assert.ok(pmBox && hoverBox && pmBox.y + pmBox.height <= hoverBox.y + hoverBox.height, 'Runtime PM is visible without scrolling');
    await shot(page, '05-hover.png');
    await page.mouse.move(10, 990);
    mark('hover shown');

    // 5. The topology graph of the .dtsi's board.
    await runCommand(page, 'dtdma: Show DMA Topology');
    let frame = await topologyFrame(page, () => !!document.querySelector('svg#graph g.node'));
    const nodes = await frame.evaluate(() => document.querySelectorAll('svg#graph g.node').length);
    const header = await frame.evaluate(() => document.getElementById('title').textContent + ' | ' + document.getElementById('mode-words').textContent);
    console.log(`[e2e] graph: ${nodes} nodes; header: ${header}`);
    assert.equal(nodes, expectNodes, 'one node per device of the board');
    assert.match(header, /^demo-board\.dts/);
    assert.match(header, /mainline: dmaengine creates no device links/);
    await page.waitForTimeout(500);
    await shot(page, '06-topology-graph.png');
    // mode selector: felsch-v2 draws device links
    await frame.selectOption('#mode', 'felsch-v2');
    frame = await topologyFrame(page, () => document.querySelectorAll('svg#graph g.edge-link').length > 0
      && /Felsch v2/.test(document.getElementById('mode-words').textContent));
    const links = await frame.evaluate(() => document.querySelectorAll('svg#graph g.edge-link').length);
    console.log(`[e2e] felsch-v2: ${links} device links drawn`);
    await page.waitForTimeout(500);
    await shot(page, '07-topology-felsch-v2.png');
    // the table tab
    await frame.click('#tab-table');
    await frame.waitForSelector('#table-pane table', { state: 'visible', timeout: 10000 });
    await shot(page, '08-topology-table.png');
    await frame.click('#tab-graph');
    // click the SDMA controller: its source opens
    const ctlBox = await frame.locator('svg#graph g.node-controller[data-id^="30bd0000"] rect').boundingBox();
    assert.ok(ctlBox, 'the SDMA controller is drawn');
    await page.mouse.click(ctlBox.x + ctlBox.width / 2, ctlBox.y + ctlBox.height / 2);
    await page.waitForFunction(() => {
      const t = document.querySelector('.tab.active[aria-label*="demo-soc.dtsi"]');
      const line = document.querySelector('.statusbar-item[id="status.editor.selection"]');
      return t && line && /Ln 96\b/.test(line.textContent);
    }, null, { timeout: 20000, polling: 250 });
    mark('topology graph shown');

    // 6. Pick broken-board.dts for the .dtsi: its own problems stay out (it is not open).
    await quickOpen(page, 'demo-soc.dtsi');
    await runCommand(page, 'dtdma: Select Board Context');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'broken-board.dts' }).first();
    await row.waitFor({ timeout: 20000 });
    await shot(page, '09-context-picker.png');
    await row.click();
    await statusBar(page, /broken-board\.dts/, 30000);
    // the open topology view follows the pick
    await topologyFrame(page, () => /^broken-board\.dts/.test(document.getElementById('title')?.textContent ?? ''));
    await page.waitForTimeout(1500);
    problems = await problemsText(page);
    assert.doesNotMatch(problems, /broken-board\.dts/, 'the picked board is not open: its own file shows no problems');
    mark('context picked');

    // 7. The server dies (SIGKILL to its process): it is restarted with a message saying why, the pick is kept.
    const jar = process.env.DTDMA_E2E_JAR;
    const ps = require('child_process').execFileSync('ps', ['-eo', 'pid=,args=']).toString().split('\n');
    const serverPids = ps.filter((l) => jar && l.includes(jar)).map((l) => Number(l.trim().split(/\s+/)[0]));
    assert.equal(serverPids.length, 1, `one dtdma server runs: ${serverPids}`);
    process.kill(serverPids[0], 'SIGKILL');
    const killedAt = Date.now();
    const seen = [];
    while (Date.now() - killedAt < 60000) {
      const t = await page.evaluate(() => ([...document.querySelectorAll('.statusbar-item')]
        .find((e) => e.id && e.id.includes('dtdma') && /dtdma|\.dts/.test(e.textContent)) || { textContent: '' }).textContent.trim());
      if (seen.length === 0 || seen[seen.length - 1].t !== t) {
        seen.push({ t, ms: Date.now() - killedAt });
      }
      if (/broken-board\.dts/.test(t) && seen.length > 1) {
        break;
      }
      await page.waitForTimeout(100);
    }
    console.log('[e2e] status bar after SIGKILL: ' + seen.map((x) => `${x.ms} ms "${x.t}"`).join(' → '));
    const crash = page.locator('.notifications-toasts .notification-list-item', { hasText: 'language server stopped' }).first();
    await crash.waitFor({ timeout: 30000 });
    const crashText = (await crash.innerText()).replace(/\s+/g, ' ').trim();
    console.log(`[e2e] after SIGKILL: ${crashText}`);
    assert.match(crashText, /killed \(SIGKILL/);
    assert.match(crashText, /Restarting it/);
    await statusBar(page, /broken-board\.dts/, 60000);
    await shot(page, '10-server-killed-and-restarted.png');
    await crash.locator('.codicon-notifications-clear, .codicon-close').first().click({ timeout: 2000 }).catch(() => undefined);
    mark('killed server restarted, context kept');

    // 8. Restart the server (asked for), then reload the window: the pick is kept.
    await runCommand(page, 'dtdma: Restart Language Server');
    await statusBar(page, /starting|indexing/, 30000).catch(() => undefined);
    await statusBar(page, /broken-board\.dts/, 60000);
    mark('server restarted, context kept');
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.tab[aria-label*="demo-soc.dtsi"]', { timeout: 30000 });
    await page.locator('.tab[aria-label*="demo-soc.dtsi"]').first().click();
    const afterReload = await statusBar(page, /broken-board\.dts/, 120000);
    console.log(`[e2e] after reload: ${afterReload.trim()}`);
    // the topology view comes back, drawn for the picked board in the mode it showed
    await topologyFrame(page, () => /^broken-board\.dts/.test(document.getElementById('title')?.textContent ?? '')
      && document.getElementById('mode')?.value === 'felsch-v2' && !!document.querySelector('svg#graph g.node'), 60000);
    await page.waitForTimeout(500);
    await shot(page, '11-after-reload.png');
    mark('window reloaded, context kept');
    console.log(`[e2e] PASS ${JSON.stringify(timings)}`);
  } catch (e) {
    await shot(page, 'failure.png').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`[e2e] FAIL: ${e && e.stack || e}`);
  process.exit(1);
});
