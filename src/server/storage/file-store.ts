import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/**
 * A content-addressed file store under `<dataDir>/uploads`: every file lives at
 * `sha256/ab/cd/<hash>`, written once to a temp file, fsync'd, then linked into place. A file that
 * is already there is never rewritten (evidence is never rewritten), so storing the same bytes twice
 * is free. The same on both database engines: files are always on local disk.
 */
export interface ReceivedFile {
  /** The temp file holding the bytes; commit() or discard() it. */
  tempPath: string;
  sha256: string;
  size: number;
  /** More bytes arrived than maxBytes: the temp file holds only the first maxBytes. */
  tooLarge: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

export class FileStore {
  readonly root: string;
  private readonly tempDir: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'uploads');
    this.tempDir = path.join(this.root, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Streams `input` into a temp file while hashing it. Past `maxBytes` it keeps draining the input
   * (so the request can be read to its end) but stops writing and reports tooLarge.
   * `onChunk` sees every byte, for content sniffing.
   */
  async receive(input: Readable, maxBytes: number, onChunk?: (chunk: Buffer) => void): Promise<ReceivedFile> {
    await fsp.mkdir(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, `${randomUUID()}.part`);
    const handle = await fsp.open(tempPath, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let tooLarge = false;
    try {
      for await (const raw of input) {
        const chunk = raw as Buffer;
        size += chunk.length;
        if (tooLarge) continue;
        if (size > maxBytes) {
          tooLarge = true;
          continue;
        }
        hash.update(chunk);
        onChunk?.(chunk);
        await handle.write(chunk);
      }
      // Busboy truncates silently at its own limit; a truncated part is too large as well.
      if ((input as Readable & { truncated?: boolean }).truncated) tooLarge = true;
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fsp.rm(tempPath, { force: true });
      throw error;
    }
    await handle.close();
    return { tempPath, sha256: hash.digest('hex'), size, tooLarge };
  }

  /** Moves a received file into its content address; keeps the existing file when the bytes are already stored. */
  async commit(file: ReceivedFile): Promise<string> {
    const target = this.pathOf(file.sha256);
    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true });
    try {
      // link() fails when the target exists, so a stored file is never replaced, even by a racing upload.
      await fsp.link(file.tempPath, target);
      await fsp.chmod(target, 0o444);
      await syncDir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fsp.rm(file.tempPath, { force: true });
    }
    return target;
  }

  async discard(file: ReceivedFile): Promise<void> {
    await fsp.rm(file.tempPath, { force: true });
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  openRead(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256));
  }

  /** A stream that opens its file only when first read, so an archive of thousands of files holds one descriptor at a time. */
  openReadLazily(sha256: string): Readable {
    const file = this.pathOf(sha256);
    return Readable.from(
      (async function* () {
        for await (const chunk of fs.createReadStream(file)) yield chunk as Buffer;
      })(),
      { objectMode: false },
    );
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
