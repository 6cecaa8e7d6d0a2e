import { useState } from 'react';
import { App, Button, Descriptions, Divider, Form, Input, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RegionNode } from '../../../common/contracts/regions';
import { REGION_LEVEL, type RegionLevel } from '../../../common/enums';
import { ApiError } from '../../api/client';
import { createRegion, renameRegion } from '../../api/endpoints';
import { useShowError } from '../../api/hooks';
import { useMe } from '../../app/auth';
import { useI18n } from '../../i18n/lang';

export const LEVEL_COLOR: Record<RegionLevel, string> = { district: 'green', town: 'blue', park: 'purple', grid: 'default' };

/** Details of the selected region, with rename and "add a park/grid" when the actor may. */
export function RegionPanel({ node, onChanged }: { node: RegionNode; onChanged: () => void }) {
  const me = useMe();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [addForm] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState<'rename' | 'add' | null>(null);

  const childLevel = node.level === 'district' ? 'park' : node.level === 'town' || node.level === 'park' ? 'grid' : null;
  const mayAdd = childLevel !== null && ['admin', 'bureau', 'town'].includes(me.role);

  const rename = async ({ name }: { name: string }) => {
    setBusy('rename');
    try {
      const saved = await renameRegion(node.id, { version: node.version, name: name.trim() });
      message.success(t('regions.renamed', { name: saved.name }));
      onChanged();
    } catch (e) {
      showError(e, renameForm);
      if (e instanceof ApiError && e.code === 'stale_version') onChanged();
    } finally {
      setBusy(null);
    }
  };

  const add = async ({ name }: { name: string }) => {
    if (!childLevel) return;
    setBusy('add');
    try {
      const saved = await createRegion({ parentId: node.id, level: childLevel, name: name.trim() });
      message.success(t('regions.added', { name: saved.name }));
      addForm.resetFields();
      onChanged();
    } catch (e) {
      showError(e, addForm);
    } finally {
      setBusy(null);
    }
  };

  const nameRules = [{ required: true, whitespace: true, message: t('common.required', { field: t('regions.name') }) }, { max: 100 }];

  return (
    <div>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('regions.level')}>
          <Tag color={LEVEL_COLOR[node.level]}>{label(REGION_LEVEL, node.level)}</Tag>
        </Descriptions.Item>
        {node.kind && node.kind !== node.level && <Descriptions.Item label={t('regions.kind')}>{node.kind}</Descriptions.Item>}
        <Descriptions.Item label={t('regions.code')}>
          <Typography.Text copyable style={{ fontFamily: 'ui-monospace, monospace' }}>
            {node.id}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('regions.sources')}>
          <Space>
            <span data-testid="region-source-count">{node.sourceCount}</span>
            {(node.level === 'town' || node.level === 'park') && node.sourceCount > 0 && (
              <Link to={`/sources?townId=${encodeURIComponent(node.id)}`}>{t('regions.viewSources')}</Link>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('regions.children')}>{node.children?.length ?? 0}</Descriptions.Item>
      </Descriptions>

      {node.editable ? (
        <>
          <Divider titlePlacement="start" plain>
            {t('regions.rename')}
          </Divider>
          <Form form={renameForm} name="rename" layout="vertical" initialValues={{ name: node.name }} onFinish={rename}>
            <Form.Item name="name" label={t('regions.name')} rules={nameRules}>
              <Input maxLength={100} data-testid="region-rename-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'rename'} data-testid="region-rename-submit">
              {t('common.save')}
            </Button>
          </Form>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('regions.readOnly')}
        </Typography.Paragraph>
      )}

      {mayAdd && (
        <>
          <Divider titlePlacement="start" plain>
            {t(childLevel === 'park' ? 'regions.addPark' : 'regions.addGrid')}
          </Divider>
          <Form form={addForm} name="add" layout="vertical" onFinish={add}>
            <Form.Item name="name" label={t('regions.newName')} rules={nameRules}>
              <Input maxLength={100} data-testid="region-add-name" />
            </Form.Item>
            <Button htmlType="submit" loading={busy === 'add'} data-testid="region-add-submit">
              {t('regions.add')}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}
