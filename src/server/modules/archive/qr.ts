import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { QrCard } from '../../../common/contracts/documents';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { sourceForActor } from './queries';

/** 一企一码: a QR code per source that opens its dossier page in the web app (login first when needed). */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;
const CAPTION = { zh: '扫码查看一企一档（需登录）', en: 'Scan to open the dossier (login required)' };

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim();

/** PUBLIC_URL when configured; otherwise the origin the browser used (X-Forwarded-Proto/Host behind a proxy, else Host). */
export function webOrigin(request: FastifyRequest, config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const forwardedProto = first(request.headers['x-forwarded-proto'])?.toLowerCase();
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : request.protocol;
  const host = [first(request.headers['x-forwarded-host']), first(request.headers.host)].find((h) => h && HOST.test(h)) ?? 'localhost';
  return `${proto}://${host}`;
}

export const dossierUrl = (origin: string, sourceId: string) => `${origin}/sources/${sourceId}`;

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}

export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: 600 });
}

export async function qrCard(db: Kysely<DB>, actor: Actor, sourceId: string, origin: string): Promise<QrCard> {
  const source = await sourceForActor(db, actor, sourceId);
  const url = dossierUrl(origin, source.id);
  const director = source.env_director_name !== null;
  return {
    sourceId: source.id,
    url,
    svg: await qrSvg(url),
    name: source.name,
    uscc: source.uscc,
    address: source.address,
    contactRole: director ? 'env_director' : source.contact_name !== null ? 'contact' : null,
    contactName: director ? source.env_director_name : source.contact_name,
    contactPhone: director ? source.env_director_phone : source.contact_phone,
    caption: CAPTION,
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained printable card (A6-sized), no scripts or external resources. */
export function qrCardHtml(card: QrCard): string {
  const e = escapeHtml;
  const role = card.contactRole === 'env_director' ? '环保总监<br><small>Environmental director</small>' : '联系人<br><small>Contact</small>';
  const contact = card.contactName
    ? `<tr><th>${role}</th><td>${e(card.contactName)}${card.contactPhone ? ` · ${e(card.contactPhone)}` : ''}</td></tr>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>一企一码 · ${e(card.name)}</title>
<style>
  @page { size: A6 portrait; margin: 6mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #111; }
  .card { width: 93mm; margin: 8mm auto; border: 1px solid #2f6f4f; border-radius: 3mm; padding: 5mm; box-sizing: border-box; }
  h1 { font-size: 13pt; margin: 0 0 1mm; text-align: center; color: #2f6f4f; letter-spacing: 1px; }
  h2 { font-size: 12pt; margin: 0 0 3mm; text-align: center; }
  .qr { width: 62mm; height: 62mm; margin: 0 auto; }
  .qr svg { width: 100%; height: 100%; }
  table { width: 100%; border-collapse: collapse; font-size: 9pt; margin-top: 2mm; }
  th { text-align: left; font-weight: normal; color: #555; width: 28mm; vertical-align: top; padding: 1mm 0; }
  td { padding: 1mm 0; word-break: break-all; }
  small { font-size: 7pt; color: #777; }
  .caption { text-align: center; font-size: 10pt; margin-top: 3mm; }
  .url { text-align: center; font-size: 6.5pt; color: #777; word-break: break-all; }
</style>
</head>
<body>
<div class="card">
  <h1>一企一码 <small>Pollution source QR</small></h1>
  <h2>${e(card.name)}</h2>
  <div class="qr">${card.svg}</div>
  <div class="caption">${e(card.caption.zh)}<br><small>${e(card.caption.en)}</small></div>
  <table>
    <tr><th>统一社会信用代码<br><small>USCC</small></th><td>${e(card.uscc)}</td></tr>
    <tr><th>地址<br><small>Address</small></th><td>${e(card.address)}</td></tr>
    ${contact}
  </table>
  <div class="url">${e(card.url)}</div>
</div>
</body>
</html>
`;
}
