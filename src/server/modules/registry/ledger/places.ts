/**
 * Town, park and grid cells → regions. Names are resolved within the actor's district(s), so a town
 * of a neighbouring jurisdiction is recognised and refused as out of scope rather than "unknown".
 */
import type { Bilingual } from '../../../../common/enums';
import type { Parsed } from './values';
import { squash } from './values';

export interface Place {
  id: string;
  parentId: string | null;
  level: string;
  name: string;
  path: string;
}

const TOWN_SUFFIX = /(街道办事处|街道|镇|乡)$/;
const GRID_SUFFIX = /(村民委员会|居民委员会|村委会|居委会|委员会|社区)$/;

/** "浦江镇（310112114）" and "310112114 浦江镇" name the region by code. */
function codeIn(text: string): string | null {
  const m = /(?:^|[(\s])([0-9]{6,12}[A-Z0-9]*)(?:$|[)\s])/.exec(text.normalize('NFKC').toUpperCase());
  return m ? m[1] : null;
}

class NameIndex {
  private readonly byKey = new Map<string, Place[]>();
  add(key: string, place: Place): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [place]);
    else if (!list.includes(place)) list.push(place);
  }
  get(key: string): Place[] {
    return this.byKey.get(key) ?? [];
  }
}

export class Places {
  readonly byId = new Map<string, Place>();
  private readonly towns = new NameIndex();
  private readonly parks = new NameIndex();
  private readonly grids = new NameIndex();

  constructor(regions: Place[]) {
    for (const r of regions) {
      this.byId.set(r.id, r);
      const name = squash(r.name);
      if (r.level === 'town') {
        this.towns.add(name, r);
        this.towns.add(name.replace(TOWN_SUFFIX, ''), r);
      } else if (r.level === 'park') {
        this.parks.add(name, r);
      } else if (r.level === 'grid') {
        this.grids.add(name, r);
        this.grids.add(name.replace(GRID_SUFFIX, ''), r);
      }
    }
  }

  private byCode(text: string, level: string): Place | undefined {
    const code = codeIn(text) ?? text.normalize('NFKC').trim().toUpperCase();
    const place = this.byId.get(code);
    return place?.level === level ? place : undefined;
  }

  town(text: string): Parsed<Place> {
    const coded = this.byCode(text, 'town');
    if (coded) return { ok: true, value: coded };
    const key = squash(text.replace(/[(（][^)）]*[)）]/g, ''));
    const found = this.towns.get(key).length ? this.towns.get(key) : this.towns.get(key.replace(TOWN_SUFFIX, ''));
    if (found.length === 1) return { ok: true, value: found[0] };
    if (found.length > 1) return fail(`街镇名称“${text}”不唯一，请填写街镇代码`, `Town name "${text}" is ambiguous; enter its code`);
    if (this.parks.get(key).length) return fail(`“${text}”是园区，请填在“所属园区”列，并填写其所在街镇`, `"${text}" is a park: put it in the park column and give its town`);
    return fail(`未知的街镇“${text}”`, `Unknown town "${text}"`);
  }

  park(text: string): Parsed<Place> {
    const coded = this.byCode(text, 'park');
    if (coded) return { ok: true, value: coded };
    const found = this.parks.get(squash(text.replace(/[(（]\d+[A-Z0-9]*[)）]/g, '')));
    if (found.length === 1) return { ok: true, value: found[0] };
    if (found.length > 1) return fail(`园区名称“${text}”不唯一，请填写园区代码`, `Park name "${text}" is ambiguous; enter its code`);
    return fail(`未知的园区“${text}”`, `Unknown park "${text}"`);
  }

  /** A grid (村居) of the given town; a park's plots are not where a source's grid is. */
  grid(text: string, town: Place): Parsed<Place> {
    const coded = this.byCode(text, 'grid');
    const key = squash(text.replace(/[(（]\d+[A-Z0-9]*[)）]/g, ''));
    const named = coded ? [coded] : this.grids.get(key).length ? this.grids.get(key) : this.grids.get(key.replace(GRID_SUFFIX, ''));
    const inside = named.filter((p) => p.parentId === town.id);
    if (inside.length === 1) return { ok: true, value: inside[0] };
    if (inside.length > 1) return fail(`村居/网格名称“${text}”在${town.name}内不唯一，请填写代码`, `Grid name "${text}" is ambiguous in ${town.name}; enter its code`);
    if (named.length) return fail(`村居/网格“${text}”不属于“${town.name}”`, `Grid "${text}" does not belong to "${town.name}"`);
    return fail(`未知的村居/网格“${text}”`, `Unknown grid "${text}"`);
  }

  /** The district (first path segment) a region lies in. */
  districtOf(place: Place): string {
    return place.path.split('/')[1];
  }
}

function fail(zh: string, en: string): { ok: false; reason: Bilingual } {
  return { ok: false, reason: { zh, en } };
}
