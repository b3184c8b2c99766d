// readability-peer.js — the peer of eval/html.sh: Mozilla's Readability.js (npm
// @mozilla/readability, the Firefox Reader View extractor) on linkedom's DOM, over the
// pages named on stdin (.html or .html.gz, read as UTF-8). Prints one JSON object per page
// (file, title, author = Readability's byline, date = its publishedTime, text) and, on
// stderr, the CPU seconds (process.cpuUsage: user + system, all of node's threads) spent
// parsing and extracting (decompression and output not counted).
// Readability's text keeps a line break after each block element of its content, so that
// words of adjacent paragraphs are not glued together.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');

const BLOCK_END = /<\/(p|div|h[1-6]|li|tr|td|th|blockquote|pre|section|article|ul|ol|table|figure|figcaption|dd|dt|header|footer)>|<br\s*\/?>/gi;

const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
let secs = 0, bytes = 0;
for (const file of files) {
  let buf = fs.readFileSync(file);
  if (file.endsWith('.gz')) buf = zlib.gunzipSync(buf);
  const html = buf.toString('utf8');
  const t0 = process.cpuUsage();
  let out = { file, title: null, author: null, date: null, text: '' };
  try {
    const { document } = parseHTML(html);
    const a = new Readability(document).parse();
    if (a) {
      const content = (a.content || '').replace(BLOCK_END, '$&\n');
      const text = parseHTML('<html><body>' + content + '</body></html>').document.body.textContent || '';
      out = { file, title: a.title || null, author: a.byline || null, date: a.publishedTime || null,
              text: text.replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim() };
    }
  } catch (e) {
    out.error = String(e && e.message || e);
  }
  const dt = process.cpuUsage(t0);
  secs += (dt.user + dt.system) / 1e6;
  bytes += buf.length;
  process.stdout.write(JSON.stringify(out) + '\n');
}
process.stderr.write(`readability: ${files.length} pages, ${(bytes / 1e6).toFixed(1)} MB of HTML, ${secs.toFixed(3)} s\n`);
