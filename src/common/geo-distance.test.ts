import { describe, expect, it } from 'vitest';
import { haversineMetres } from './geo-distance';

describe('haversineMetres', () => {
  it('is zero for the same point and symmetric', () => {
    const p = { latitude: 31.06, longitude: 121.45 };
    expect(haversineMetres(p, p)).toBe(0);
    const q = { latitude: 31.07, longitude: 121.46 };
    expect(haversineMetres(p, q)).toBeCloseTo(haversineMetres(q, p), 6);
  });
  it('measures one degree of latitude as about 111.2 km and 0.001° near Shanghai as about 111 m', () => {
    expect(haversineMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195, -1);
    expect(haversineMetres({ latitude: 31.06, longitude: 121.45 }, { latitude: 31.061, longitude: 121.45 })).toBeCloseTo(111.2, 0);
    // A degree of longitude shrinks with cos(latitude): at 31° about 95.3 km.
    expect(haversineMetres({ latitude: 31, longitude: 121 }, { latitude: 31, longitude: 122 })).toBeCloseTo(95_310, -2);
  });
  it('Shanghai People\'s Square to Minhang (about 23 km)', () => {
    const d = haversineMetres({ latitude: 31.2304, longitude: 121.4737 }, { latitude: 31.1129, longitude: 121.3816 });
    expect(d).toBeGreaterThan(15_000);
    expect(d).toBeLessThan(16_000);
  });
});
