import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Input, Select, Tag } from 'antd';
import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { scoreChecklist, type ItemAnswer } from '../../../common/checklist-scoring';
import { CHECKIN_WARN_METRES, haversineMetres } from '../../../common/geo-distance';
import { INSPECTION_AREA, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { inspectionReportUrl } from '../../api/inspections';
import { useMe } from '../../app/auth';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { compressImage, currentPosition } from './device';
import { IssueEditor, ItemCard, PhotoStrip, CameraButton } from './ItemCard';
import type { LocalPhoto } from './offline-db';
import { addDays, type LocalIssue, type Verdict } from './queue-logic';
import { SignaturePad } from './SignaturePad';
import { SyncBadge } from './SyncBadge';
import { useFieldInspection } from './useFieldInspection';

const TO_ANSWER = { pass: 'compliant', fail: 'non_compliant', na: 'not_applicable' } as const;

function newIssue(description: string): LocalIssue {
  return { clientId: crypto.randomUUID(), description, class: 'deadline', severity: 'general', deadline: addDays(new Date(), 15), responsiblePerson: '', measure: '', afterPhotoIds: [] };
}

/** The field form of one inspection (phone first): check-in, items, findings, live score, signature, submit. */
export function InspectionForm() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t, pick, formatTime } = useI18n();
  const { message } = App.useApp();
  const f = useFieldInspection(me.id, id);
  const { detail, draft } = f;
  const [busy, setBusy] = useState(false);
  const [signer, setSigner] = useState<string | null>(null);

  const items = useMemo(() => detail?.template.items ?? [], [detail]);
  const score = useMemo(() => {
    const answers: Record<string, ItemAnswer> = {};
    for (const a of Object.values(draft?.answers ?? {})) answers[a.itemId] = { answer: TO_ANSWER[a.verdict] };
    return scoreChecklist(items.map((i) => ({ itemId: i.itemId, area: i.area, weight: i.weight, maxScore: i.maxScore })), answers, detail?.template.bands ?? [], INSPECTION_AREA_CODES);
  }, [items, draft?.answers, detail]);

  if (f.error) return <ErrorBlock error={f.error} onRetry={f.reload} />;
  if (!detail || !draft) return <LoadingBlock />;

  const open = (detail.status === 'planned' || detail.status === 'in_progress') && !draft.submitted && detail.allowedActions.includes('submit');
  const photosOf = (itemId: string | null, purpose: LocalPhoto['purpose']) => f.photos.filter((p) => p.itemId === itemId && p.purpose === purpose);

  async function takePhoto(file: File, itemId: string | null, purpose: LocalPhoto['purpose']): Promise<string | null> {
    try {
      const [blob, fix] = await Promise.all([compressImage(file), currentPosition(3000)]);
      const photo: LocalPhoto = { id: crypto.randomUUID(), inspectionId: id, itemId, purpose, blob, capturedAt: new Date().toISOString(), latitude: fix?.latitude ?? null, longitude: fix?.longitude ?? null, synced: false };
      await f.addPhoto(photo);
      return photo.id;
    } catch {
      message.error(t('field.photo.bad'));
      return null;
    }
  }

  async function checkIn() {
    setBusy(true);
    try {
      const fix = await currentPosition();
      if (!fix) {
        message.error(t('field.checkin.noGps'));
        return;
      }
      const s = detail!.source;
      const distance = s.latitude !== null && s.longitude !== null ? Math.round(haversineMetres(fix, { latitude: s.latitude, longitude: s.longitude })) : null;
      const warning = distance !== null && distance > CHECKIN_WARN_METRES ? { zh: `距污染源登记位置 ${distance} 米（超过 ${CHECKIN_WARN_METRES} 米）`, en: `${distance} m from the source's recorded location (more than ${CHECKIN_WARN_METRES} m)` } : null;
      await f.update((d) => ({ ...d, checkIn: { ...fix, at: new Date().toISOString(), distanceM: distance, warning, synced: false } }));
      await f.queue.enqueue({ kind: 'check_in', inspectionId: id });
    } finally {
      setBusy(false);
    }
  }

  const setVerdict = (itemId: string, text: string, verdict: Verdict) =>
    f.update((d) => {
      const prev = d.answers[itemId];
      const photoIds = f.photos.filter((p) => p.itemId === itemId && p.purpose === 'item').map((p) => p.id);
      const answer = { clientId: prev?.clientId ?? crypto.randomUUID(), itemId, verdict, note: prev?.note ?? '', photoIds, answeredAt: new Date().toISOString(), issue: verdict === 'fail' ? prev?.issue ?? newIssue(text) : prev?.issue };
      return { ...d, answers: { ...d.answers, [itemId]: answer } };
    });

  async function itemPhoto(itemId: string, file: File) {
    const pid = await takePhoto(file, itemId, 'item');
    if (pid) await f.update((d) => (d.answers[itemId] ? { ...d, answers: { ...d.answers, [itemId]: { ...d.answers[itemId], photoIds: [...d.answers[itemId].photoIds, pid] } } } : d));
  }

  async function afterPhoto(itemId: string, file: File) {
    const pid = await takePhoto(file, itemId, 'after');
    if (pid) await f.update((d) => { const a = d.answers[itemId]; return a?.issue ? { ...d, answers: { ...d.answers, [itemId]: { ...a, issue: { ...a.issue, afterPhotoIds: [...a.issue.afterPhotoIds, pid] } } } } : d; });
  }

  async function submit() {
    const d = draft!;
    if (!d.signature) return message.error(t('field.submit.needSignature'));
    if (!d.signerName.trim()) return message.error(t('field.submit.needSigner'));
    const onSpot = [...Object.values(d.answers).filter((a) => a.verdict === 'fail').map((a) => a.issue), ...d.findings.map((x) => x.issue)].find((i) => i?.class === 'on_spot' && i.afterPhotoIds.length === 0);
    if (onSpot) return message.error(t('field.submit.needAfter'));
    await f.update((x) => ({ ...x, submitted: true }));
    await f.queue.enqueue({ kind: 'submit', inspectionId: id });
    message.success(f.online ? t('field.submit.sending') : t('field.submit.queued'));
  }

  const answered = Object.keys(draft.answers).length;
  const band = score.band ?? (score.total !== null ? detail.template.bands.find((b) => b.min <= score.total!) ?? null : null);
  return (
    <div className="fd-form" data-testid="field-form">
      <div className="fd-head">
        <Link to="/field" className="fd-back">‹ {t('field.back')}</Link>
        <h1 className="fd-title">{detail.source.name}</h1>
        <div className="es-muted">{detail.source.address}</div>
        <div className="fd-tags">
          <Tag>{detail.scheduledOn}</Tag>
          {detail.night && <Tag color="purple">{t('field.night')}</Tag>}
          <Tag color={draft.submitted || detail.status === 'submitted' ? 'green' : 'blue'} data-testid="fd-status">{t(`field.status.${draft.submitted && detail.status !== 'submitted' ? 'queued' : detail.status}`)}</Tag>
          <SyncBadge state={f.sync} online={f.online} onRetry={() => void f.queue.retry(id)} />
        </div>
      </div>

      <section className="fd-card" data-testid="fd-checkin">
        <div className="fd-card-title"><EnvironmentOutlined /> {t('field.checkin.title')}</div>
        {draft.checkIn ? (
          <div>
            <div data-testid="fd-checkin-time">{formatTime(draft.checkIn.at)}</div>
            {draft.checkIn.distanceM !== null && <div className="es-muted">{t('field.checkin.distance', { m: draft.checkIn.distanceM })}</div>}
            {draft.checkIn.warning && <Alert type="warning" showIcon title={pick(draft.checkIn.warning)} data-testid="fd-checkin-warning" />}
          </div>
        ) : detail.checkedInAt ? (
          <div>{formatTime(detail.checkedInAt)}</div>
        ) : (
          <Button type="primary" block loading={busy} disabled={!open} onClick={() => void checkIn()} data-testid="fd-checkin-button">{t('field.checkin.button')}</Button>
        )}
      </section>

      <div className="fd-score" data-testid="fd-score">
        <span>{t('field.score.answered', { n: answered, total: items.length })}</span>
        <span className="fd-score-total" data-testid="fd-score-total">{score.total === null ? '–' : score.total.toFixed(1)}</span>
        {band && <Tag color={score.complete ? 'green' : 'default'} data-testid="fd-score-band">{pick(band.label)}{score.complete ? '' : ` (${t('field.score.provisional')})`}</Tag>}
      </div>

      {INSPECTION_AREA_CODES.filter((code) => items.some((i) => i.area === code)).map((code) => {
        const area = score.areas.find((a) => a.area === code);
        return (
          <section key={code} className="fd-area" data-testid={`fd-area-${code}`}>
            <h2 className="fd-area-title">
              <span>{pick(INSPECTION_AREA.labels[code as InspectionAreaCode])}</span>
              <span className="fd-area-score" data-testid={`fd-area-score-${code}`}>{area?.score === null || area?.score === undefined ? '–' : area.score.toFixed(1)} · {area?.answered ?? 0}/{area?.items ?? 0}</span>
            </h2>
            {items.filter((i) => i.area === code).map((item) => (
              <ItemCard key={item.itemId} item={item} answer={draft.answers[item.itemId]} photos={photosOf(item.itemId, 'item')} afterPhotos={photosOf(item.itemId, 'after')} disabled={!open}
                onVerdict={(v) => void setVerdict(item.itemId, item.text, v)}
                onChange={(a) => void f.update((d) => ({ ...d, answers: { ...d.answers, [item.itemId]: a } }))}
                onPhoto={(file) => void itemPhoto(item.itemId, file)} onAfterPhoto={(file) => void afterPhoto(item.itemId, file)} />
            ))}
          </section>
        );
      })}

      <Findings f={f} open={open} takePhoto={takePhoto} />

      <section className="fd-card">
        <div className="fd-card-title">{t('field.sign.title')}</div>
        <label className="fd-label">{t('field.sign.name')}</label>
        <Input value={signer ?? draft.signerName} maxLength={50} disabled={!open} data-testid="fd-signer"
          onChange={(e) => setSigner(e.target.value)} onBlur={() => { if (signer !== null) void f.update((d) => ({ ...d, signerName: signer })); }} />
        <SignaturePad value={draft.signature} disabled={!open} onChange={(sig) => void f.update((d) => ({ ...d, signature: sig }))} />
      </section>

      {open && (
        <Button type="primary" size="large" block className="fd-submit" data-testid="fd-submit" onClick={() => void submit()}>
          {t('field.submit')}{score.missing.length > 0 ? ` · ${t('field.submit.missing', { n: score.missing.length })}` : ''}
        </Button>
      )}
      {draft.submitted && <Alert type="success" showIcon title={t(f.sync.kind === 'synced' ? 'field.submitted.synced' : 'field.submitted.local')} data-testid="fd-submitted" />}
      {(detail.status === 'submitted' || detail.status === 'signed') && (
        <Button block size="large" href={inspectionReportUrl(detail.id)} target="_blank" style={{ marginTop: 8 }} data-testid="fd-report">{t('plan.reportPdf')}</Button>
      )}
    </div>
  );
}

function Findings({ f, open, takePhoto }: { f: ReturnType<typeof useFieldInspection>; open: boolean; takePhoto: (file: File, itemId: string | null, purpose: LocalPhoto['purpose']) => Promise<string | null> }) {
  const { t, pick } = useI18n();
  const draft = f.draft!;
  const change = (i: number, patch: Partial<(typeof draft.findings)[number]>) =>
    f.update((d) => ({ ...d, findings: d.findings.map((x, k) => (k === i ? { ...x, ...patch } : x)) }));
  return (
    <section className="fd-card" data-testid="fd-findings">
      <div className="fd-card-title">{t('field.findings.title')}</div>
      <div className="es-muted">{t('field.findings.hint')}</div>
      {draft.findings.map((x, i) => (
        <div key={x.clientId} className="fd-finding" data-testid="fd-finding">
          <label className="fd-label">{t('field.findings.area')}</label>
          <Select value={x.area} disabled={!open} style={{ width: '100%' }} onChange={(area) => void change(i, { area })}
            options={INSPECTION_AREA_CODES.map((c) => ({ value: c, label: pick(INSPECTION_AREA.labels[c]) }))} />
          <PhotoStrip photos={f.photos.filter((p) => p.purpose === 'finding' && x.photoIds.includes(p.id))} />
          <CameraButton testId={`fd-finding-${i}-photo`} label={t('field.photo')} disabled={!open}
            onFile={async (file) => { const pid = await takePhoto(file, null, 'finding'); if (pid) await change(i, { photoIds: [...x.photoIds, pid] }); }} />
          <IssueEditor issue={x.issue} testId={`fd-finding-${i}`} disabled={!open} onChange={(issue) => void change(i, { issue })}
            afterPhotos={f.photos.filter((p) => x.issue.afterPhotoIds.includes(p.id))}
            onAfterPhoto={async (file) => { const pid = await takePhoto(file, null, 'after'); if (pid) await change(i, { issue: { ...x.issue, afterPhotoIds: [...x.issue.afterPhotoIds, pid] } }); }} />
        </div>
      ))}
      {open && (
        <Button icon={<PlusOutlined />} block data-testid="fd-finding-add"
          onClick={() => void f.update((d) => ({ ...d, findings: [...d.findings, { clientId: crypto.randomUUID(), area: 'air', photoIds: [], foundAt: new Date().toISOString(), issue: newIssue('') }] }))}>
          {t('field.findings.add')}
        </Button>
      )}
    </section>
  );
}
