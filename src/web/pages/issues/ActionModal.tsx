import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import type { IssueDetail } from '../../../common/contracts/issues';
import { ISSUE_ACTION, ISSUE_ACTIONS, type IssueActionName } from '../../../common/issue-workflow';
import { ApiError } from '../../api/client';
import { takeIssueAction, uploadIssuePhoto } from '../../api/issues';
import { uploadDocument } from '../../api/ops';
import { useShowError } from '../../api/hooks';
import { useI18n } from '../../i18n/lang';

/** The inputs an action needs (reason / deadline / case reference / photos / note), then the action; 409 reloads. */
export function ActionModal({ issue, action, onClose, onDone }: { issue: IssueDetail; action: IssueActionName; onClose: () => void; onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [docs, setDocs] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const needs = new Set(ISSUE_ACTIONS.filter((a) => a.name === action && a.from === issue.status).flatMap((a) => a.needs));
  const photos = needs.has('afterPhoto') || action === 'submit_evidence';
  const purpose = action === 'fix_on_spot' ? 'after' : 'evidence';

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const photoIds: string[] = [];
      for (const file of files) photoIds.push((await uploadIssuePhoto(issue.id, crypto.randomUUID(), file, purpose)).id);
      // Documents (reports, manifests, invoices) go into the source's archive as 整改材料 and are named by the action.
      const documentIds: string[] = [];
      for (const file of docs) {
        const report = await uploadDocument(issue.source.id, file, { category: 'rectification', confidentiality: 'internal' });
        documentIds.push(...report.created.map((d) => d.id));
      }
      await takeIssueAction(issue.id, action, {
        version: issue.version,
        ...(values.reason ? { reason: values.reason } : {}),
        ...(values.deadline ? { deadline: values.deadline } : {}),
        ...(values.caseReference ? { caseReference: values.caseReference } : {}),
        ...(values.note ? { note: values.note } : {}),
        ...(photoIds.length ? { photoIds } : {}),
        ...(documentIds.length ? { documentIds } : {}),
      });
      message.success(t('issue.done', { action: label(ISSUE_ACTION, action) }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('issue.stale'));
        onDone();
      } else showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={label(ISSUE_ACTION, action)} onCancel={onClose} onOk={submit} okText={t('issue.submit')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'action-submit' } as never} destroyOnHidden>
      <Form form={form} layout="vertical">
        {needs.has('reason') && (
          <Form.Item name="reason" label={t('issue.reason')} rules={[{ required: true, message: t('issue.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        )}
        {needs.has('deadline') && (
          <Form.Item name="deadline" label={t('issue.deadline')} rules={[{ required: true, message: t('issue.required') }]}>
            <Input type="date" data-testid="action-deadline" />
          </Form.Item>
        )}
        {needs.has('caseReference') && (
          <Form.Item name="caseReference" label={t('issue.caseReference')} rules={[{ required: true, message: t('issue.required') }]}>
            <Input maxLength={100} data-testid="action-case" />
          </Form.Item>
        )}
        <Form.Item name="note" label={action === 'submit_evidence' ? t('issue.evidenceText') : t('issue.note')}>
          <Input.TextArea rows={action === 'submit_evidence' ? 4 : 2} maxLength={4000} data-testid="action-note" />
        </Form.Item>
        {photos && (
          <Form.Item label={t('issue.addPhotos')} name="photos">
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              data-testid="action-photos"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
            {files.length > 0 && <div className="es-muted">{t('issue.photoUploaded', { n: files.length })}</div>}
          </Form.Item>
        )}
        {action === 'submit_evidence' && (
          <Form.Item label={t('issue.addDocuments')} extra={t('issue.addDocumentsHint')}>
            <input
              type="file"
              accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,image/*"
              multiple
              data-testid="action-documents"
              onChange={(e) => setDocs(Array.from(e.target.files ?? []))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
