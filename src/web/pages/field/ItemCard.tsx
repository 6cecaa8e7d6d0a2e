import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CameraOutlined } from '@ant-design/icons';
import { Input, Radio, Select } from 'antd';
import { useI18n } from '../../i18n/lang';
import type { LocalPhoto } from './offline-db';
import type { IssueClass, LocalAnswer, LocalIssue, Severity, Verdict } from './queue-logic';

export interface FieldItem {
  itemId: string;
  code: string;
  text: string;
  legalBasis: string;
}

/** Thumbnails of local photos (object URLs of the compressed blobs kept on the phone). */
export function PhotoStrip({ photos }: { photos: LocalPhoto[] }) {
  const urls = useMemo(() => photos.map((p) => ({ id: p.id, url: URL.createObjectURL(p.blob), synced: p.synced })), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u.url)), [urls]);
  if (urls.length === 0) return null;
  return (
    <div className="fd-photos">
      {urls.map((u) => (
        <img key={u.id} src={u.url} alt="" className={u.synced ? 'fd-photo is-synced' : 'fd-photo'} data-testid="fd-photo-thumb" />
      ))}
    </div>
  );
}

/** A camera button: the phone's camera (capture="environment"), one picture at a time. */
export function CameraButton({ testId, label, onFile, disabled }: { testId: string; label: ReactNode; onFile: (f: File) => void; disabled?: boolean }) {
  return (
    <label className={disabled ? 'fd-camera is-disabled' : 'fd-camera'}>
      <CameraOutlined /> {label}
      <input
        type="file"
        accept="image/*"
        capture="environment"
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </label>
  );
}

const CLASSES: IssueClass[] = ['deadline', 'on_spot', 'major'];
const SEVERITIES: Severity[] = ['minor', 'general', 'serious'];

/** The issue drafted for a 不符合 answer or a free finding: 问题 / 责任人 / 措施 / 时限, class and severity. */
export function IssueEditor({ issue, onChange, afterPhotos, onAfterPhoto, testId, disabled }: {
  issue: LocalIssue; onChange: (i: LocalIssue) => void; afterPhotos: LocalPhoto[]; onAfterPhoto: (f: File) => void; testId: string; disabled?: boolean;
}) {
  const { t } = useI18n();
  const [description, setDescription] = useState(issue.description);
  const [person, setPerson] = useState(issue.responsiblePerson);
  const [measure, setMeasure] = useState(issue.measure);
  return (
    <div className="fd-issue" data-testid={`${testId}-issue`}>
      <div className="fd-issue-title">{t('field.issue.title')}</div>
      <label className="fd-label">{t('field.issue.description')}</label>
      <Input.TextArea value={description} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} disabled={disabled}
        onChange={(e) => setDescription(e.target.value)} onBlur={() => onChange({ ...issue, description })} data-testid={`${testId}-desc`} />
      <label className="fd-label">{t('field.issue.class')}</label>
      <Radio.Group optionType="button" buttonStyle="solid" size="small" value={issue.class} disabled={disabled}
        onChange={(e) => onChange({ ...issue, class: e.target.value })}
        options={CLASSES.map((c) => ({ value: c, label: t(`field.class.${c}`) }))} data-testid={`${testId}-class`} />
      {issue.class === 'on_spot' ? (
        <div className="fd-after">
          <div className="es-muted">{t('field.issue.afterHint')}</div>
          <PhotoStrip photos={afterPhotos} />
          <CameraButton testId={`${testId}-after`} label={t('field.issue.afterPhoto')} onFile={onAfterPhoto} disabled={disabled} />
        </div>
      ) : (
        <>
          <label className="fd-label">{t('field.issue.deadline')}</label>
          <input type="date" className="fd-date" value={issue.deadline} disabled={disabled} onChange={(e) => onChange({ ...issue, deadline: e.target.value })} data-testid={`${testId}-deadline`} />
        </>
      )}
      <div className="fd-row2">
        <div>
          <label className="fd-label">{t('field.issue.person')}</label>
          <Input value={person} maxLength={50} disabled={disabled} onChange={(e) => setPerson(e.target.value)} onBlur={() => onChange({ ...issue, responsiblePerson: person })} data-testid={`${testId}-person`} />
        </div>
        <div>
          <label className="fd-label">{t('field.issue.severity')}</label>
          <Select value={issue.severity} disabled={disabled} onChange={(v) => onChange({ ...issue, severity: v })} style={{ width: '100%' }}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`field.severity.${s}`) }))} />
        </div>
      </div>
      <label className="fd-label">{t('field.issue.measure')}</label>
      <Input.TextArea value={measure} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} disabled={disabled}
        onChange={(e) => setMeasure(e.target.value)} onBlur={() => onChange({ ...issue, measure })} />
    </div>
  );
}

/** One checklist item: 符合 / 不符合 / 不适用, a note, photos; 不符合 drafts its issue. */
export function ItemCard({ item, answer, photos, afterPhotos, onVerdict, onChange, onPhoto, onAfterPhoto, disabled }: {
  item: FieldItem;
  answer: LocalAnswer | undefined;
  photos: LocalPhoto[];
  afterPhotos: LocalPhoto[];
  onVerdict: (v: Verdict) => void;
  onChange: (a: LocalAnswer) => void;
  onPhoto: (f: File) => void;
  onAfterPhoto: (f: File) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState(answer?.note ?? '');
  const testId = `fd-item-${item.code}`;
  return (
    <div className={`fd-item is-${answer?.verdict ?? 'open'}`} data-testid={testId} data-verdict={answer?.verdict ?? ''}>
      <div className="fd-item-head">
        <span className="fd-code">{item.code}</span>
        <span className="fd-text">{item.text}</span>
      </div>
      <div className="es-muted fd-basis">{item.legalBasis}</div>
      <Radio.Group
        className="fd-verdicts"
        optionType="button"
        buttonStyle="solid"
        value={answer?.verdict}
        disabled={disabled}
        onChange={(e) => onVerdict(e.target.value)}
        options={(['pass', 'fail', 'na'] as const).map((v) => ({ value: v, label: <span data-testid={`${testId}-${v}`}>{t(`field.verdict.${v}`)}</span> }))}
      />
      {answer && (
        <Input.TextArea className="fd-note" placeholder={t('field.note')} value={note} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} disabled={disabled}
          onChange={(e) => setNote(e.target.value)} onBlur={() => note !== answer.note && onChange({ ...answer, note })} data-testid={`${testId}-note`} />
      )}
      <PhotoStrip photos={photos} />
      <CameraButton testId={`${testId}-photo`} label={t('field.photo')} onFile={onPhoto} disabled={disabled} />
      {answer?.verdict === 'fail' && answer.issue && (
        <IssueEditor issue={answer.issue} onChange={(issue) => onChange({ ...answer, issue })} afterPhotos={afterPhotos} onAfterPhoto={onAfterPhoto} testId={testId} disabled={disabled} />
      )}
    </div>
  );
}
