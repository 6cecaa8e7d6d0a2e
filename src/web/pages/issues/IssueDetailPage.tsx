import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Image, Input, Popconfirm, Row, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { IssueDetail, IssuePhoto } from '../../../common/contracts/issues';
import { ISSUE_SEVERITY } from '../../../common/contracts/issues';
import { INSPECTION_AREA } from '../../../common/inspection-areas';
import { ISSUE_ACTION, ISSUE_STATUS, type IssueActionName } from '../../../common/issue-workflow';
import { acknowledgeNotice, addFollowUp, getIssue, noticePdfUrl } from '../../api/issues';
import { useAsync, useShowError } from '../../api/hooks';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';
import { ActionModal } from './ActionModal';
import { EditModal } from './EditModal';
import { ClassTag, OverdueTag, RecurrenceTag, StatusTag } from './labels';

/** 问题详情: the four dimensions, the legal basis, before/after photos, the notice, the history and the actions the actor may take. */
export default function IssueDetailPage() {
  const { id = '' } = useParams();
  const { data, loading, error, reload } = useAsync(() => getIssue(id), [id]);
  if (loading && !data) return <LoadingBlock />;
  if (error) return <ErrorBlock error={error} onRetry={reload} />;
  if (!data) return null;
  return <IssueView issue={data} reload={reload} />;
}

function IssueView({ issue, reload }: { issue: IssueDetail; reload: () => void }) {
  const { t, label, pick, formatTime } = useI18n();
  const [action, setAction] = useState<IssueActionName | null>(null);
  const [editing, setEditing] = useState(false);
  const primary: IssueActionName[] = ['submit_evidence', 'verify', 'close', 'confirm', 'register', 'issue_notice', 'resume', 'fix_on_spot'];

  return (
    <div data-testid="issue-detail" data-status={issue.status} data-version={issue.version}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Link to="/issues">← {t('issue.back')}</Link>
      </Space>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {issue.number ?? t('issue.unnumbered')}
      </Typography.Title>
      <Space wrap size={4} style={{ marginBottom: 12 }}>
        <StatusTag status={issue.status} />
        <ClassTag value={issue.class} />
        <OverdueTag days={issue.overdueDays} />
        <RecurrenceTag show={!!issue.recurrenceOf} />
        {issue.returnCount > 0 && <Tag color="volcano">{t('issue.returns', { n: issue.returnCount })}</Tag>}
      </Space>

      <Card size="small" title={t('issue.actions')} style={{ marginBottom: 12 }} data-testid="issue-actions">
        {issue.allowedActions.length === 0 && !issue.canEdit ? (
          <span className="es-muted">{t('issue.noActions')}</span>
        ) : (
          <Space wrap>
            {issue.allowedActions.map((a) => (
              <Button key={a} type={primary.includes(a) ? 'primary' : 'default'} danger={['reject', 'return', 'escalate', 'cancel'].includes(a)} onClick={() => setAction(a)} data-testid={`action-${a}`}>
                {label(ISSUE_ACTION, a)}
              </Button>
            ))}
            {issue.canEdit && <Button onClick={() => setEditing(true)} data-testid="issue-edit">{t('issue.edit')}</Button>}
          </Space>
        )}
      </Card>

      <Card size="small" title={t('issue.fourDimensions')} style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('issue.description')} span={2}>{issue.description}</Descriptions.Item>
          <Descriptions.Item label={t('issue.responsible')}>{issue.responsiblePerson ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('issue.deadline')}>{issue.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('issue.measure')} span={2}>{issue.measure ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('issue.source')}><Link to={`/sources/${issue.source.id}`} data-testid="issue-source-link">{issue.source.name}</Link></Descriptions.Item>
          <Descriptions.Item label={t('issue.area')}>{label(INSPECTION_AREA, issue.area as never)}</Descriptions.Item>
          <Descriptions.Item label={t('issue.severity')}>{pick(ISSUE_SEVERITY.labels[issue.severity])}</Descriptions.Item>
          <Descriptions.Item label={t('issue.foundAt')}>{formatTime(issue.foundAt)}</Descriptions.Item>
          {issue.caseReference && <Descriptions.Item label={t('issue.caseReference')}>{issue.caseReference}</Descriptions.Item>}
          {issue.recurrence && (
            <Descriptions.Item label={t('issue.recurrence')} span={2}>
              {t('issue.recurrenceOf')}<Link to={`/issues/${issue.recurrence.id}`}>{issue.recurrence.number ?? issue.recurrence.id.slice(0, 8)}</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('issue.legalBasis')} span={2}>
            <Basis text={issue.legalBasis} refs={issue.legalRefs} />
          </Descriptions.Item>
          {issue.penaltyBasis && (
            <Descriptions.Item label={t('issue.penaltyBasis')} span={2}>
              <Basis text={issue.penaltyBasis} refs={issue.penaltyRefs} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card size="small" title={t('issue.photos')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={12}><Photos title={t('issue.before')} photos={issue.photos.before} testId="photos-before" /></Col>
          <Col xs={12}><Photos title={t('issue.after')} photos={issue.photos.after} testId="photos-after" /></Col>
        </Row>
      </Card>

      {issue.documents.length > 0 && (
        <Card size="small" title={t('issue.documents')} style={{ marginBottom: 12 }} data-testid="issue-documents">
          {issue.documents.map((d) => (
            <div key={d.id}>
              {d.deleted ? <span className="es-muted">{d.title}（{t('issue.documentDeleted')}）</span> : <a href={d.url} target="_blank" rel="noreferrer">{d.title}</a>}
              {d.fileName && d.fileName !== d.title && <span className="es-muted"> · {d.fileName}</span>}
            </div>
          ))}
        </Card>
      )}
      {issue.notice && <NoticeCard issue={issue} reload={reload} />}
      {issue.canFollowUp && <FollowUpCard issue={issue} reload={reload} />}

      <Card size="small" title={t('issue.history')} style={{ marginBottom: 12 }}>
        <Timeline
          data-testid="issue-history"
          items={issue.events.map((e) => ({
            color: e.action === 'return' || e.action === 'reject' ? 'red' : e.toStatus === 'closed' ? 'green' : 'blue',
            children: (
              <div>
                <strong>{eventLabel(e.action, label, t)}</strong>
                {e.toStatus && e.fromStatus !== e.toStatus && <span className="es-muted"> → {label(ISSUE_STATUS, e.toStatus as never)}</span>}
                <div className="es-muted">{formatTime(e.createdAt)}{e.actorName ? ` · ${e.actorName}` : ''}</div>
                {e.note && <div>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>

      {action && <ActionModal issue={issue} action={action} onClose={() => setAction(null)} onDone={() => { setAction(null); reload(); }} />}
      {editing && <EditModal issue={issue} onClose={() => setEditing(false)} onDone={() => { setEditing(false); reload(); }} />}
    </div>
  );
}

function eventLabel(action: string, label: ReturnType<typeof useI18n>['label'], t: ReturnType<typeof useI18n>['t']): string {
  if ((ISSUE_ACTION.values as readonly string[]).includes(action)) return label(ISSUE_ACTION, action as IssueActionName);
  const key = `issue.event.${action}` as DictKey;
  const text = t(key);
  return text === key ? action : text;
}

function Basis({ text, refs }: { text: string | null; refs: IssueDetail['legalRefs'] }) {
  if (!text) return <>—</>;
  return (
    <div>
      <div>{text}</div>
      {refs.length > 0 && (
        <Space wrap size={4} style={{ marginTop: 4 }}>
          {refs.map((r, i) =>
            r.law ? (
              <Link key={i} to={`/knowledge/laws?law=${encodeURIComponent(r.law)}&no=${r.article}`} title={r.text ?? undefined}>
                <Tag color="geekblue">{r.label}</Tag>
              </Link>
            ) : (
              <Tag key={i}>{r.label}</Tag>
            ),
          )}
        </Space>
      )}
    </div>
  );
}

function Photos({ title, photos, testId }: { title: string; photos: IssuePhoto[]; testId: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <div style={{ fontWeight: 500, marginBottom: 6 }}>{title}</div>
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('issue.noPhoto')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((p) => (
              <Image key={p.id} width={120} height={90} style={{ objectFit: 'cover' }} src={p.thumbUrl} preview={{ src: p.url }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </div>
  );
}

function NoticeCard({ issue, reload }: { issue: IssueDetail; reload: () => void }) {
  const { t, formatTime } = useI18n();
  const showError = useShowError();
  const notice = issue.notice!;
  const acknowledge = async () => {
    try {
      await acknowledgeNotice(notice.id, notice.version);
    } catch (e) {
      showError(e);
    }
    reload();
  };
  return (
    <Card size="small" title={t('issue.notice')} style={{ marginBottom: 12 }} data-testid="issue-notice">
      <Space wrap>
        <span>{notice.number}</span>
        <Tag>{t(`issue.noticeStatus.${notice.status}` as DictKey)}</Tag>
        <span className="es-muted">{formatTime(notice.issuedAt)}</span>
        <a href={noticePdfUrl(notice.id)} target="_blank" rel="noreferrer" data-testid="notice-pdf">{t('issue.downloadPdf')}</a>
        {notice.canAcknowledge && (
          <Popconfirm title={t('issue.acknowledgeConfirm')} onConfirm={acknowledge}>
            <Button size="small" type="primary" data-testid="notice-acknowledge">{t('issue.acknowledge')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

function FollowUpCard({ issue, reload }: { issue: IssueDetail; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { note: string }) => {
    setBusy(true);
    try {
      await addFollowUp(issue.id, { note: v.note });
      form.resetFields();
      message.success(t('issue.done', { action: t('issue.followUp') }));
      reload();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('issue.followUp')} style={{ marginBottom: 12 }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('issue.followUpNote')} rules={[{ required: true, message: t('issue.required') }]}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="followup-note" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="followup-submit">{t('issue.submit')}</Button>
      </Form>
    </Card>
  );
}
