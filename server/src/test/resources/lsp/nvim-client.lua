-- Drives dtdma's language server from Neovim's built-in LSP client (headless) and prints what Neovim
-- received as one line: RESULT <json>. Run: nvim --headless -u NONE -c 'luafile nvim-client.lua'
-- with DTDMA_JAR (the server jar), DTDMA_REPO (the repository) and DTDMA_JAVA (the java binary) set.
local jar = os.getenv('DTDMA_JAR')
local repo = os.getenv('DTDMA_REPO')
local java = os.getenv('DTDMA_JAVA') or 'java'
local out = { diagnostics = {}, codes = {} }
local published = {}

local function finish()
  io.stdout:write('RESULT ' .. vim.fn.json_encode(out) .. '\n')
  vim.cmd('qa!')
end

local id = vim.lsp.start_client({
  name = 'dtdma',
  cmd = { java, '-jar', jar, 'lsp', '--stdio' },
  root_dir = repo .. '/examples/imx-demo',
  init_options = { dtdma = { includePaths = { repo .. '/examples/include' } } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      table.insert(published, result)
    end,
  },
})
if not id then
  out.error = 'start_client failed'
  finish()
  return
end

local board = repo .. '/examples/imx-demo/broken-board.dts'
vim.cmd('edit ' .. board)
vim.lsp.buf_attach_client(0, id)
local uri = vim.uri_from_bufnr(0)

local ok = vim.wait(60000, function()
  for _, p in ipairs(published) do
    if p.uri == uri and #p.diagnostics > 0 then
      out.diagnostics = p.diagnostics
      return true
    end
  end
  return false
end, 20)
out.gotDiagnostics = ok
for _, d in ipairs(out.diagnostics) do
  table.insert(out.codes, d.code)
end

local function find(text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local c = string.find(line, text, 1, true)
    if c then
      return { line = i - 1, character = c - 1 }
    end
  end
end

local function request(method, pos)
  local params = { textDocument = { uri = uri }, position = pos }
  local res = vim.lsp.buf_request_sync(0, method, params, 20000) or {}
  for _, r in pairs(res) do
    if r.result then
      return r.result
    end
  end
end

local spec = find('<&sdma1 22')
spec.character = spec.character + 3
local hover = request('textDocument/hover', spec)
out.hover = hover and hover.contents and hover.contents.value or vim.NIL

local ref = find('&uart1 {')
ref.character = ref.character + 2
local def = request('textDocument/definition', ref)
if def and def[1] then
  out.definitionUri = def[1].uri or def[1].targetUri
  out.definitionLine = (def[1].range or def[1].targetSelectionRange).start.line
end
finish()
