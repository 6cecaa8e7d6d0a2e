import { useState } from 'react';
import { App, Button, Card, Drawer, Popconfirm, Select, Spin, Tag } from 'antd';
import { CalculatorOutlined, CopyOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { Template } from '../../../common/contracts/checklists';
import { SOURCE_TYPE } from '../../../common/enums';
import { ApiError } from '../../api/client';
import { copyTemplate, listTemplates, updateTemplate } from '../../api/checklists';
import { useAsync, useShowError } from '../../api/hooks';
import { EmptyBlock, ErrorBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { bandColor, STATUS_COLOR, STATUS_KEY } from './labels';
import { ScorePreview } from './ScorePreview';
import { TemplateEditor } from './TemplateEditor';

/** 检查模板: the templates the actor sees, with their items by area; the administrator and the bureau keep them. */
export function TemplatesPanel() {
  const { t, label, pick } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const showError = useShowError();
  const [status, setStatus] = useState<Template['status'] | ''>('');
  const { data, loading, error, reload } = useAsync(() => listTemplates(status ? { status } : {}), [status]);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [previewing, setPreviewing] = useState<Template | null>(null);

  const setTemplateStatus = async (tpl: Template, next: Template['status']) => {
    try {
      await updateTemplate(tpl.id, { version: tpl.version, status: next });
      message.success(t(next === 'active' ? 'ck.tpl.activated' : 'ck.tpl.retired'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') message.warning(t('ck.tpl.stale'));
      else showError(e);
    }
    reload();
  };
  const copy = async (tpl: Template) => {
    try {
      const created = await copyTemplate(tpl.id);
      message.success(t('ck.tpl.copied', { name: created.name }));
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card variant="borderless" data-testid="ck-templates">
      <div className="es-ck-head">
        <span className="es-muted">{t('ck.tpl.hint')}</span>
        {data?.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ck-tpl-add">
            {t('ck.tpl.add')}
          </Button>
        )}
      </div>
      <div className="es-ck-filters">
        <Select
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: t('ck.tpl.allStatus') }, ...(['active', 'draft', 'retired'] as const).map((s) => ({ value: s, label: t(STATUS_KEY[s]) }))]}
          data-testid="ck-tpl-status"
        />
      </div>
      {error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : (
        <Spin spinning={loading}>
          {data && data.items.length === 0 && <EmptyBlock text={t('ck.tpl.empty')} />}
          {data?.items.map((tpl) => (
            <div className="es-ck-tpl" key={tpl.id} data-testid="ck-tpl" data-name={tpl.name}>
              <div className="es-ck-card-head">
                <h3>{tpl.name}</h3>
                <Tag color={STATUS_COLOR[tpl.status]} data-testid="ck-tpl-status-tag">
                  {t(STATUS_KEY[tpl.status])}
                </Tag>
                <Tag>{tpl.regionName ?? t('ck.tpl.platform')}</Tag>
              </div>
              {tpl.description && <div className="es-muted" style={{ fontSize: 13 }}>{tpl.description}</div>}
              <div className="es-ck-meta">
                {t('ck.appliesIs', { types: tpl.sourceTypes.length ? tpl.sourceTypes.map((s) => label(SOURCE_TYPE, s)).join(t('ck.listSep')) : t('ck.appliesAll') })}
                {tpl.industryPrefixes.length > 0 && ` · ${t('ck.industries')} ${tpl.industryPrefixes.join(t('ck.listSep'))}`}
              </div>
              <div className="es-ck-chips">
                <Tag color="geekblue">{t('ck.tpl.itemCount', { n: tpl.items.length })}</Tag>
                {tpl.areas.map((a) => (
                  <Tag key={a.code}>
                    {pick(a.label)} {a.count}
                  </Tag>
                ))}
              </div>
              <div className="es-ck-chips">
                {tpl.bands.map((b, i) => (
                  <Tag key={i} color={bandColor(i, tpl.bands.length)}>
                    {pick(b.label)} ≥{b.min}
                  </Tag>
                ))}
              </div>
              <div className="es-ck-tpl-actions">
                <Button size="small" icon={tpl.editable ? <EditOutlined /> : <EyeOutlined />} onClick={() => setEditing(tpl)} data-testid="ck-tpl-open">
                  {tpl.editable ? t('ck.tpl.edit') : t('ck.tpl.view')}
                </Button>
                <Button size="small" icon={<CalculatorOutlined />} onClick={() => setPreviewing(tpl)} data-testid="ck-tpl-preview">
                  {t('ck.tpl.preview')}
                </Button>
                {tpl.copyable && (
                  <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(tpl)} data-testid="ck-tpl-copy">
                    {t('ck.tpl.copy')}
                  </Button>
                )}
                {tpl.editable && tpl.status !== 'active' && tpl.items.length > 0 && (
                  <Popconfirm title={t('ck.tpl.activateConfirm')} okText={t('ck.tpl.activate')} cancelText={t('common.cancel')} onConfirm={() => setTemplateStatus(tpl, 'active')}>
                    <Button size="small" type="primary" ghost data-testid="ck-tpl-activate">
                      {t('ck.tpl.activate')}
                    </Button>
                  </Popconfirm>
                )}
                {tpl.editable && tpl.status === 'active' && (
                  <Button size="small" danger onClick={() => void setTemplateStatus(tpl, 'retired')} data-testid="ck-tpl-retire">
                    {t('ck.tpl.retire')}
                  </Button>
                )}
              </div>
            </div>
          ))}
        </Spin>
      )}
      {editing && (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {previewing && (
        <Drawer open title={`${t('ck.score.title')} · ${previewing.name}`} size={mobile ? '100%' : 640} onClose={() => setPreviewing(null)} destroyOnHidden>
          <ScorePreview items={previewing.items} bands={previewing.bands} />
        </Drawer>
      )}
    </Card>
  );
}
