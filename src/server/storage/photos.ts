import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../http/errors';
import type { FileStore, ReceivedFile } from './file-store';

/**
 * Evidence photos (取证照片): the original bytes are kept as they arrived (SHA-256, never rewritten)
 * and the server makes a 480 px JPEG thumbnail of its own, so a phone's claim about the picture is
 * never trusted. Used by field inspections, on-the-spot closures and rectification evidence.
 */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
const THUMB_EDGE = 480;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

export interface StoredPhoto {
  sha256: string;
  thumbSha256: string;
  mime: string;
  sizeBytes: number;
  width: number;
  height: number;
}

function badPhoto(field: string, zh: string, en: string): AppError {
  return new AppError(400, 'invalid_photo', zh, en, field);
}

/** Checks that `received` is a real image within the limit, stores it and its thumbnail; discards it otherwise. */
export async function storePhoto(store: FileStore, received: ReceivedFile, field = 'photo'): Promise<StoredPhoto> {
  try {
    if (received.tooLarge || received.size > PHOTO_MAX_BYTES) {
      throw badPhoto(field, `照片超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
    }
    if (received.size === 0) throw badPhoto(field, '照片是空文件', 'The photo is an empty file');
    let meta: Metadata;
    try {
      meta = await sharp(received.tempPath).metadata();
    } catch {
      throw badPhoto(field, '文件不是可识别的图片（支持 JPEG、PNG、WebP、HEIC）', 'The file is not an image we can read (JPEG, PNG, WebP or HEIC)');
    }
    if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) {
      throw badPhoto(field, '文件不是可识别的图片（支持 JPEG、PNG、WebP、HEIC）', 'The file is not an image we can read (JPEG, PNG, WebP or HEIC)');
    }
    const thumb = await sharp(received.tempPath)
      .rotate()
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer();
    const thumbReceived = await store.receive(Readable.from([thumb]), PHOTO_MAX_BYTES);
    await store.commit(thumbReceived);
    await store.commit(received);
    return {
      sha256: received.sha256,
      thumbSha256: thumbReceived.sha256,
      mime: meta.format === 'heif' ? 'image/heic' : `image/${meta.format}`,
      sizeBytes: received.size,
      width: meta.width,
      height: meta.height,
    };
  } catch (error) {
    await fsp.rm(received.tempPath, { force: true });
    throw error;
  }
}

/** Stores a photo that arrived as bytes (e.g. a base64 data URL of a signature). */
export async function storePhotoBytes(store: FileStore, bytes: Buffer, field = 'photo'): Promise<StoredPhoto> {
  const received = await store.receive(Readable.from([bytes]), PHOTO_MAX_BYTES);
  return storePhoto(store, received, field);
}
