import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Confidentiality, DocumentCategory, DocumentView, UpdateDocument } from '../../../common/contracts/documents';
import { ApiError } from '../../api/client';
import { useShowError } from '../../api/hooks';
import { updateDocument } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { CATEGORIES, CATEGORY_KEY, CONFIDENTIALITIES, CONFIDENTIALITY_KEY } from './labels';

interface Values {
  title: string;
  category: DocumentCategory;
  confidentiality: Confidentiality;
  documentDate: Dayjs | null;
}

/** Rename, recategorise, change the confidentiality or the date; a stale version answers 409. */
export function EditDocumentModal({ doc, onClose, onSaved }: { doc: DocumentView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (doc)
      form.setFieldsValue({
        title: doc.title,
        category: doc.category,
        confidentiality: doc.confidentiality,
        documentDate: doc.documentDate ? dayjs(doc.documentDate) : null,
      });
  }, [doc, form]);

  const save = async () => {
    if (!doc) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const body: UpdateDocument = { version: doc.version };
    if (v.title.trim() !== doc.title) body.title = v.title.trim();
    if (v.category !== doc.category) body.category = v.category;
    if (v.confidentiality !== doc.confidentiality) body.confidentiality = v.confidentiality;
    const date = v.documentDate ? v.documentDate.format('YYYY-MM-DD') : null;
    if (date !== doc.documentDate) body.documentDate = date;
    if (Object.keys(body).length === 1) return onClose();
    setSaving(true);
    try {
      await updateDocument(doc.id, body);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('docs.stale'));
        onSaved();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!doc}
      title={t('docs.editTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'docs-edit-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" data-testid="docs-edit-form">
        <Form.Item name="title" label={t('docs.title')} rules={[{ required: true, whitespace: true, max: 200, message: t('common.required', { field: t('docs.title') }) }]}>
          <Input maxLength={200} data-testid="docs-edit-title" />
        </Form.Item>
        <Form.Item name="category" label={t('docs.category')} rules={[{ required: true }]}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_KEY[c]) }))} data-testid="docs-edit-category" />
        </Form.Item>
        <Form.Item name="confidentiality" label={t('docs.confidentiality')} rules={[{ required: true }]}>
          <Select options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(CONFIDENTIALITY_KEY[c]) }))} />
        </Form.Item>
        <Form.Item name="documentDate" label={t('docs.documentDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
