import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { ISSUE_SEVERITY, type IssueDetail } from '../../../common/contracts/issues';
import { ISSUE_CLASS } from '../../../common/issue-workflow';
import { ApiError } from '../../api/client';
import { updateIssue } from '../../api/issues';
import { useShowError } from '../../api/hooks';
import { useI18n } from '../../i18n/lang';

/** Edits the four dimensions, class and severity (while found or confirmed). */
export function EditModal({ issue, onClose, onDone }: { issue: IssueDetail; onClose: () => void; onDone: () => void }) {
  const { t, label, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await updateIssue(issue.id, { version: issue.version, description: v.description, responsiblePerson: v.responsiblePerson || null, measure: v.measure || null, deadline: v.deadline || null, class: v.class, severity: v.severity });
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
    <Modal open title={t('issue.edit')} onCancel={onClose} onOk={submit} okText={t('issue.save')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ description: issue.description, responsiblePerson: issue.responsiblePerson, measure: issue.measure, deadline: issue.deadline, class: issue.class, severity: issue.severity }}>
        <Form.Item name="description" label={t('issue.description')} rules={[{ required: true, message: t('issue.required') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="responsiblePerson" label={t('issue.responsible')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="measure" label={t('issue.measure')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="deadline" label={t('issue.deadline')}><Input type="date" /></Form.Item>
        <Form.Item name="class" label={t('issue.class')}><Select options={ISSUE_CLASS.values.map((v) => ({ value: v, label: label(ISSUE_CLASS, v) }))} /></Form.Item>
        <Form.Item name="severity" label={t('issue.severity')}><Select options={ISSUE_SEVERITY.values.map((v) => ({ value: v, label: pick(ISSUE_SEVERITY.labels[v]) }))} /></Form.Item>
      </Form>
    </Modal>
  );
}
