/** The phone's camera and GPS: photos compressed in the browser before they are queued, positions with a fallback. */

export const MAX_EDGE = 1600;

/** The size a picture of w × h gets so that its longer edge is at most `max` (never enlarged). */
export function fitWithin(w: number, h: number, max = MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** Draws the picture on a canvas at ≤ 1600 px and returns a JPEG blob (quality 0.85). */
export async function compressImage(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' } as ImageBitmapOptions);
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.85));
}

export interface Fix {
  latitude: number;
  longitude: number;
  accuracy: number | null;
}

let lastFix: Fix | null = null;

/** The current position (or the last one known when the GPS does not answer within `timeout`). */
export function currentPosition(timeout = 8000): Promise<Fix | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(lastFix);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        lastFix = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null };
        resolve(lastFix);
      },
      () => resolve(lastFix),
      { enableHighAccuracy: true, timeout, maximumAge: 30_000 },
    );
  });
}
