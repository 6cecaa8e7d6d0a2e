/**
 * Near-duplicate names (疑似重复): the same name once the legal form, a "(上海)" and spaces are
 * ignored, or a small edit distance. Candidates come from a deletion index (SymSpell), so a ledger
 * of 10,000 rows is compared with thousands of sources without comparing every pair.
 */

/** "上海华鑫精密机械有限公司" and "华鑫精密机械（上海）有限公司" share the key "华鑫精密机械". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\((上海市?|中国)\)/g, '')
    .replace(/^上海市?/, '')
    .replace(/(股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|总公司|公司)$/, '')
    .replace(/[·.,，、\-—_'"“”]/g, '');
}

/**
 * Edits allowed between two keys: none for very short names, one for ordinary ones, two for long
 * ones. Two edits between six-character keys would flag most firms that differ only by their
 * two-character 字号 (华鑫精密机械 / 恒泰精密机械), which are different companies.
 */
export function allowedEdits(length: number): number {
  return length >= 10 ? 2 : length >= 5 ? 1 : 0;
}

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The key with 0, 1, … `depth` characters deleted, level by level (level 0 is the key itself). */
function deletionLevels(key: string, depth: number): string[][] {
  const seen = new Set([key]);
  const levels = [[key]];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const s of levels[d]) {
      for (let i = 0; i < s.length; i++) {
        const v = s.slice(0, i) + s.slice(i + 1);
        if (!seen.has(v)) {
          seen.add(v);
          next.push(v);
        }
      }
    }
    levels.push(next);
  }
  return levels;
}

/** Candidates verified per lookup at most: a file of look-alike names must not turn quadratic. */
const MAX_CHECKS = 400;

export interface NameEntry<T> {
  key: string;
  item: T;
}

export class SimilarNames<T> {
  private readonly entries: NameEntry<T>[] = [];
  private readonly index = new Map<string, number[]>();

  add(name: string, item: T): void {
    const key = nameKey(name);
    if (!key) return;
    const id = this.entries.push({ key, item }) - 1;
    for (const v of deletionLevels(key, allowedEdits(key.length)).flat()) {
      const list = this.index.get(v);
      if (list) list.push(id);
      else this.index.set(v, [id]);
    }
  }

  /**
   * Entries whose key is within the allowed edits of `name`'s key (judged on the shorter of the
   * two), closest variants first, at most `limit`; `skip` leaves out, e.g., the row's own stored record.
   */
  find(name: string, limit: number, skip: (item: T) => boolean = () => false): T[] {
    const key = nameKey(name);
    if (!key) return [];
    const seen = new Set<number>();
    const found: Array<{ item: T; distance: number }> = [];
    let checks = 0;
    search: for (const level of deletionLevels(key, allowedEdits(key.length))) {
      for (const v of level) {
        for (const id of this.index.get(v) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const entry = this.entries[id];
          const max = allowedEdits(Math.min(key.length, entry.key.length));
          const distance = entry.key === key ? 0 : editDistance(key, entry.key, max);
          if (distance <= max && !skip(entry.item)) found.push({ item: entry.item, distance });
          if (found.length >= limit || ++checks >= MAX_CHECKS) break search;
        }
      }
    }
    return found.sort((a, b) => a.distance - b.distance).map((f) => f.item);
  }
}
