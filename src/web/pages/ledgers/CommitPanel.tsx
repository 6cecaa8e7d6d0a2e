import { useState } from 'react';
import { Alert, App, Button, Radio, Space, Statistic } from 'antd';
import type { ButtonProps } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ImportResult, LedgerImport } from '../../../common/contracts/ledgers';
import { ApiError } from '../../api/client';
import { commitImport } from '../../api/ops';
import { useI18n } from '../../i18n/lang';

type Duplicates = 'merge' | 'skip';
type Mode = 'all_or_nothing' | 'valid_rows';

/** How the page came to show a committed batch: committed just now, committed again (nothing done), or found committed. */
export type Outcome = 'done' | 'replayed' | 'earlier';

/** The counts of a committed import. */
export function ImportResultView({ result, outcome }: { result: ImportResult; outcome: Outcome }) {
  const { t, formatTime } = useI18n();
  const nothing = result.created === 0 && result.merged === 0;
  return (
    <div data-testid="ledger-result" data-outcome={outcome}>
      {outcome === 'done' && <Alert type="success" showIcon title={nothing ? t('ledger.nothingChanged') : t('ledger.done')} style={{ marginBottom: 12 }} />}
      {outcome === 'replayed' && <Alert type="info" showIcon title={t('ledger.replayed')} style={{ marginBottom: 12 }} data-testid="ledger-replayed" />}
      {outcome === 'earlier' && <Alert type="info" showIcon title={t('ledger.alreadyImported')} style={{ marginBottom: 12 }} data-testid="ledger-already-imported" />}
      <div className="es-ledger-stats">
        <Statistic title={t('ledger.result.created')} value={result.created} data-testid="ledger-result-created" />
        <Statistic title={t('ledger.result.merged')} value={result.merged} data-testid="ledger-result-merged" />
        <Statistic title={t('ledger.result.unchanged')} value={result.unchanged} data-testid="ledger-result-unchanged" />
        <Statistic title={t('ledger.result.skipped')} value={result.skipped} />
        <Statistic title={t('ledger.result.invalid')} value={result.invalid} data-testid="ledger-result-invalid" />
      </div>
      <div className="es-muted">{t('ledger.committedBy', { who: result.committedBy, at: formatTime(result.committedAt) })}</div>
    </div>
  );
}

/** Step 4: merge or skip duplicates, then import everything (refused if any row is bad) or the valid rows only. */
export function CommitPanel({ batch, onCommitted }: { batch: LedgerImport; onCommitted: (replayed: boolean) => void }) {
  const { t, pick } = useI18n();
  const { modal } = App.useApp();
  const [duplicates, setDuplicates] = useState<Duplicates>('merge');
  const [busy, setBusy] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = batch.summary;
  const blocked = batch.missingRequiredFields.length > 0 && s.new > 0;

  const commit = (mode: Mode) => {
    const merged = duplicates === 'merge' ? s.duplicateChanged : 0;
    modal.confirm({
      title: mode === 'all_or_nothing' ? t('ledger.commitAll') : t('ledger.commitValid'),
      content: t('ledger.confirm', { created: s.new, merged, skipped: mode === 'valid_rows' ? s.invalid : 0 }),
      okText: t('ledger.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'ledger-confirm-ok' } as ButtonProps,
      onOk: async () => {
        setBusy(mode);
        setError(null);
        try {
          const r = await commitImport(batch.importId, { version: batch.version, mode, duplicates });
          onCommitted(r.replayed);
        } catch (e) {
          setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const nothingToDo = s.new === 0 && s.duplicateChanged === 0;
  return (
    <div data-testid="ledger-commit" style={{ marginTop: 16 }}>
      {nothingToDo && s.invalid === 0 && (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('ledger.wouldChangeNothing')} style={{ marginBottom: 12 }} data-testid="ledger-nothing-to-do" />
      )}
      {s.duplicate > 0 && (
        <div className="es-ledger-dups">
          <div>{t('ledger.dupQuestion', { n: s.duplicate, changed: s.duplicateChanged })}</div>
          <Radio.Group value={duplicates} onChange={(e) => setDuplicates(e.target.value as Duplicates)} data-testid="ledger-duplicates">
            <Space orientation="vertical">
              <Radio value="merge" data-testid="ledger-dup-merge">
                {t('ledger.dupMerge')}
              </Radio>
              <Radio value="skip" data-testid="ledger-dup-skip">
                {t('ledger.dupSkip')}
              </Radio>
            </Space>
          </Radio.Group>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="ledger-commit-error" />}
      <Space wrap>
        <Button type="primary" onClick={() => commit('all_or_nothing')} loading={busy === 'all_or_nothing'} disabled={!!busy || blocked} data-testid="ledger-commit-all">
          {t('ledger.commitAll')}
        </Button>
        <Button onClick={() => commit('valid_rows')} loading={busy === 'valid_rows'} disabled={!!busy || blocked} data-testid="ledger-commit-valid">
          {t('ledger.commitValid')} ({s.new + s.duplicate})
        </Button>
        <Link to="/ledgers/import">
          <Button type="link">{t('ledger.another')}</Button>
        </Link>
      </Space>
      {blocked && <div className="es-muted" style={{ marginTop: 8 }}>{t('ledger.mapFirst')}</div>}
    </div>
  );
}
