// 我的卡包: the holder's e-licences, each a card that opens its detail (fields, 亮证, PDF, QR).
import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { LicenceCard } from './LicenceCard.tsx';
import type { LicenceSummary } from './types.ts';
import './licences.css';

export default function WalletPage() {
  const { data, loading, error, reload } = useApi<{ items: LicenceSummary[] }>('/api/licences');
  const items = data?.items ?? [];
  const current = items.filter((l) => l.status === '01' && !l.expired);
  const other = items.filter((l) => !(l.status === '01' && !l.expired));
  return (
    <div>
      <h1 className="tb-page-title">我的卡包</h1>
      <p className="tb-muted tb-wallet-intro">
        这里是政府部门为您签发的电子证照，带国密电子签章，与纸质证照具有同等效力。需要向他人出示时，打开证照点击“亮证”，对方扫码即可查看您选择出示的内容。
      </p>
      <PageState
        loading={loading}
        error={error}
        onRetry={reload}
        empty={!items.length}
        emptyText={
          <span className="tb-wallet-empty">
            您的卡包里还没有电子证照。
            <br />
            在线办理可发证的事项（如无犯罪记录证明、营业执照），办结后证照会自动发放到卡包。
          </span>
        }
        emptyAction={
          <LinkButton type="primary" to="/items">
            去办事指南
          </LinkButton>
        }
      >
        <p className="tb-muted" aria-live="polite">
          共 {items.length} 张证照{other.length ? `，其中 ${other.length} 张已过期或不在有效状态` : ''}
        </p>
        <section aria-labelledby="wallet-current">
          <h2 id="wallet-current" className="tb-section-title">
            有效证照
          </h2>
          {current.length ? (
            <ul className="tb-licence-grid">
              {current.map((l) => (
                <li key={l.id}>
                  <LicenceCard l={l} />
                </li>
              ))}
            </ul>
          ) : (
            <Alert type="info" showIcon title="暂无有效证照" />
          )}
        </section>
        {other.length ? (
          <section aria-labelledby="wallet-other" style={{ marginTop: 24 }}>
            <h2 id="wallet-other" className="tb-section-title">
              已过期或失效的证照
            </h2>
            <ul className="tb-licence-grid">
              {other.map((l) => (
                <li key={l.id}>
                  <LicenceCard l={l} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="tb-muted" style={{ marginTop: 24 }}>
          需要核验别人出示的证照？请前往 <Link to="/verify">证照核验</Link>。想知道谁在何时、为何使用了您的证照和数据？请查看 <Link to="/my/data-use">我的数据使用记录</Link>。
        </p>
      </PageState>
    </div>
  );
}
