import { useState } from 'react';
import { App, Button, Card, Input, Modal, Space, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Proposal } from '../../../common/contracts/lifecycle';
import { ApiError } from '../../api/client';
import { decideProposal } from '../../api/dossier';
import { useShowError } from '../../api/hooks';
import { useIsMobile } from '../../components/useIsMobile';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';
import { useBasicText } from '../sources/basics/BasicsView';

const STATUS: Record<Proposal['status'], { color: string; key: DictKey }> = {
  pending: { color: 'gold', key: 'proposals.pending' },
  approved: { color: 'green', key: 'proposals.approved' },
  rejected: { color: 'red', key: 'proposals.rejected' },
};

interface Props {
  proposal: Proposal;
  /** Show the source's name as a link (the review queue). */
  showSource?: boolean;
  onDecided: () => void;
}

/** One enterprise change proposal: old → new per field, its note, and approve/reject for a reviewer. */
export function ProposalCard({ proposal: p, showSource, onDecided }: Props) {
  const { t, pick, formatTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const mobile = useIsMobile();
  const text = useBasicText();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [reasonError, setReasonError] = useState(false);

  const submit = async () => {
    if (!deciding) return;
    if (deciding === 'reject' && !reason.trim()) {
      setReasonError(true);
      return;
    }
    setSaving(true);
    try {
      await decideProposal(p.id, { decision: deciding, reason: reason.trim() || undefined, version: p.version });
      message.success(t(deciding === 'approve' ? 'proposals.approvedDone' : 'proposals.rejectedDone'));
      setDeciding(null);
      onDecided();
    } catch (e) {
      showError(e);
      if (e instanceof ApiError && e.status === 409) {
        setDeciding(null);
        onDecided();
      }
    } finally {
      setSaving(false);
    }
  };

  const s = STATUS[p.status];
  return (
    <Card size="small" className="es-proposal-card" data-testid="proposal-card">
      <div className="es-history-head">
        <Tag color={s.color} data-testid="proposal-status">{t(s.key)}</Tag>
        {showSource && (
          <Link to={`/sources/${p.sourceId}?tab=proposals`} data-testid="proposal-source">
            <strong>{p.sourceName}</strong>
          </Link>
        )}
        <span>{p.proposedBy.name}</span>
        <span className="es-muted">{formatTime(p.proposedAt)}</span>
      </div>
      <table className="es-changes">
        <tbody>
          {p.changes.map((c) => (
            <tr key={c.field} data-testid={`proposal-change-${c.field}`}>
              <th>{pick(c.label)}</th>
              <td className="es-old">{text(c.field, c.old)}</td>
              <td className="es-arrow">→</td>
              <td className="es-new">{text(c.field, c.new)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.note && (
        <div style={{ marginTop: 6 }}>
          <span className="es-muted">{t('proposals.note')}</span> {p.note}
        </div>
      )}
      {p.decidedAt && (
        <div style={{ marginTop: 6 }} data-testid="proposal-decision">
          <span className="es-muted">{t('proposals.decidedBy', { name: p.decidedBy?.name ?? '—', at: formatTime(p.decidedAt) })}</span>
          {p.decisionReason ? ` ${p.decisionReason}` : ''}
        </div>
      )}
      {p.canDecide && (
        <Space style={{ marginTop: 10 }} wrap>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => { setReason(''); setReasonError(false); setDeciding('approve'); }} data-testid="proposal-approve">
            {t('proposals.approve')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => { setReason(''); setReasonError(false); setDeciding('reject'); }} data-testid="proposal-reject">
            {t('proposals.reject')}
          </Button>
        </Space>
      )}
      <Modal
        open={deciding !== null}
        title={t(deciding === 'reject' ? 'proposals.rejectTitle' : 'proposals.approveTitle')}
        onCancel={() => setDeciding(null)}
        onOk={() => void submit()}
        okText={t(deciding === 'reject' ? 'proposals.reject' : 'proposals.approve')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ danger: deciding === 'reject', 'data-testid': 'proposal-decide-submit' } as ButtonProps}
        width={mobile ? 'calc(100vw - 24px)' : 480}
        destroyOnHidden
      >
        <p className="es-muted">{t(deciding === 'reject' ? 'proposals.rejectHint' : 'proposals.approveHint')}</p>
        <Input.TextArea
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(false);
          }}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          status={reasonError ? 'error' : undefined}
          placeholder={t(deciding === 'reject' ? 'proposals.reasonRequired' : 'proposals.reasonOptional')}
          data-testid="proposal-reason"
        />
        {reasonError && <div style={{ color: '#ff4d4f', marginTop: 4 }}>{t('proposals.reasonRequired')}</div>}
      </Modal>
    </Card>
  );
}
