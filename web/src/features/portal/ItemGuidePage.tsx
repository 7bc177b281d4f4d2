// 办事指南: everything an applicant must know before applying, and the way in.
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Table } from 'antd';
import { FormOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { ApplicantTypeLabel, MaterialFormLabel, OnlineDepthLabel, SharedSourceLabel } from '../../../../domain/enums.ts';
import { licenceTypeForItem } from '../../../../domain/licence-types.ts';
import { useAuth, isApplicant } from '../../app/auth.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { ApiError } from '../../lib/api.ts';
import { limitText } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { Item, ItemMaterial, User } from '../../lib/types.ts';
import { ItemBadges } from './ItemBadges.tsx';
import './portal.css';

function SharedBadge({ m }: { m: ItemMaterial }) {
  if (!m.sharedSource) return null;
  return <SoftTag tone="cyan">可免提交（{SharedSourceLabel[m.sharedSource] ?? m.sharedSource}）</SoftTag>;
}

function MaterialsTable({ materials }: { materials: ItemMaterial[] }) {
  if (!materials.length) return <p>本事项无需提交申请材料。</p>;
  // Cards on small screens and in 长辈版 (CSS picks one), a table elsewhere: no sideways scrolling.
  return (
    <>
      <ol className="tb-materials-cards tb-mat-cards">
        {materials.map((m) => (
          <li key={m.name}>
            <strong>{m.name}</strong>
            <div>
              <SoftTag tone={m.required ? 'red' : 'grey'}>{m.required ? '必要' : '按情形'}</SoftTag>
              {MaterialFormLabel[m.form] ?? m.form} · {m.copies} 份 <SharedBadge m={m} />
            </div>
          </li>
        ))}
      </ol>
      <div className="tb-mat-table">
    <Table<ItemMaterial>
      rowKey="name"
      size="middle"
      pagination={false}
      dataSource={materials}
      columns={[
        { title: '序号', key: 'i', width: 64, render: (_v, _r, i) => i + 1 },
        { title: '材料名称', dataIndex: 'name', render: (v: string, m) => (<>{v} <SharedBadge m={m} /></>) },
        { title: '是否必要', dataIndex: 'required', width: 100, render: (v: boolean) => <SoftTag tone={v ? 'red' : 'grey'}>{v ? '必要' : '按情形'}</SoftTag> },
        { title: '材料形式', dataIndex: 'form', width: 100, render: (v: ItemMaterial['form']) => MaterialFormLabel[v] ?? v },
        { title: '份数', dataIndex: 'copies', width: 70 },
      ]}
    />
      </div>
    </>
  );
}

function mayApply(user: User | null, item: Item): boolean {
  if (!user || !isApplicant(user)) return false;
  const kind = user.roles.includes('enterprise') ? 'enterprise' : 'person';
  return item.applicantTypes.includes(kind);
}

function ApplyBox({ item }: { item: Item }) {
  const { user } = useAuth();
  if (!item.canApplyOnline) {
    return (
      <Alert
        type="info"
        showIcon
        title="需到窗口办理"
        description={`本事项暂不支持网上申请，请携带申请材料到${item.department?.name ?? item.departmentName ?? '实施部门'}或政务服务中心窗口办理。`}
      />
    );
  }
  const target = `/apply/${encodeURIComponent(item.code)}`;
  if (!user) {
    return (
      <div className="tb-guide-apply">
        <LinkButton type="primary" size="large" icon={<FormOutlined aria-hidden />} to={`/login?next=${encodeURIComponent(target)}`}>
          登录后在线办理
        </LinkButton>
        <span className="tb-muted">在线办理需要先登录</span>
      </div>
    );
  }
  if (!mayApply(user, item)) {
    const who = item.applicantTypes.map((a) => ApplicantTypeLabel[a] ?? a).join('、');
    return <Alert type="warning" showIcon title="当前账号不能申请本事项" description={`本事项面向${who}，请使用相应的个人或法人账号登录后申请。`} />;
  }
  return (
    <div className="tb-guide-apply">
      <LinkButton type="primary" size="large" icon={<FormOutlined aria-hidden />} to={target}>
        在线办理
      </LinkButton>
      {item.onlineDepth === 'online_apply_onsite_verify' ? <span className="tb-muted">网上申请后需到窗口核验原件</span> : null}
    </div>
  );
}

export default function ItemGuidePage() {
  const { code = '' } = useParams();
  const { data: item, loading, error, reload } = useApi<Item>(`/api/items/${encodeURIComponent(code)}`);
  const notFound = error instanceof ApiError && error.status === 404;
  const deptName = item?.department?.name ?? item?.departmentName ?? '';

  return (
    <div>
      <Breadcrumb
        className="tb-breadcrumb"
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to="/items">办事指南</Link> }, { title: item?.name ?? code }]}
      />
      {notFound ? (
        <PageState
          empty
          emptyText={`没有找到编码为 ${code} 的事项，可能已调整或下线`}
          emptyAction={
            <LinkButton type="primary" to="/items">
              返回办事指南
            </LinkButton>
          }
        />
      ) : (
        <PageState loading={loading} error={error} onRetry={reload} skeletonRows={10}>
          {item ? (
            <>
              <section className="tb-card">
                <div className="tb-guide-head">
                  <div>
                    <h1 className="tb-page-title">{item.name}</h1>
                    <div className="tb-item-meta">
                      <span>实施部门：{deptName}</span>
                      <span>事项类型：{item.type}</span>
                      <span>服务对象：{item.applicantTypes.map((a) => ApplicantTypeLabel[a] ?? a).join('、')}</span>
                      <span>事项编码：{item.code}</span>
                    </div>
                    <ItemBadges item={{ ...item, sharedMaterialCount: item.materials.filter((m) => m.sharedSource).length }} />
                    {licenceTypeForItem(item.code) ? (
                      <p style={{ margin: '8px 0 0' }}>
                        <SafetyCertificateOutlined aria-hidden style={{ color: '#135200' }} /> 办结后发放电子证照：<strong>{licenceTypeForItem(item.code)!.name}</strong>（自动放入“我的卡包”）
                      </p>
                    ) : null}
                  </div>
                  <ApplyBox item={item} />
                </div>
              </section>

              <section className="tb-card" aria-labelledby="g-facts">
                <h2 id="g-facts" className="tb-section-title">
                  基本信息
                </h2>
                <dl className="tb-facts">
                  <div className="tb-fact">
                    <dt>法定时限</dt>
                    <dd>{limitText(item.legalLimitDays)}</dd>
                  </div>
                  <div className="tb-fact">
                    <dt>承诺时限</dt>
                    <dd>{limitText(item.promisedLimitDays)}</dd>
                  </div>
                  <div className="tb-fact">
                    <dt>到现场次数</dt>
                    <dd>{item.maxVisits === 0 ? '0 次（不用跑）' : `${item.maxVisits} 次`}</dd>
                  </div>
                  <div className="tb-fact">
                    <dt>办理深度</dt>
                    <dd>{OnlineDepthLabel[item.onlineDepth] ?? item.onlineDepth}</dd>
                  </div>
                  <div className="tb-fact">
                    <dt>跨省通办</dt>
                    <dd>{item.crossProvince ? '支持' : '不支持'}</dd>
                  </div>
                  <div className="tb-fact">
                    <dt>收费</dt>
                    <dd>{item.fee || '不收费'}</dd>
                  </div>

                </dl>
              </section>

              <section className="tb-card" aria-labelledby="g-cond">
                <h2 id="g-cond" className="tb-section-title">
                  受理条件
                </h2>
                <p className="tb-prose">{item.acceptConditions || '无特别条件。'}</p>
              </section>

              <section className="tb-card" aria-labelledby="g-mat">
                <h2 id="g-mat" className="tb-section-title">
                  申请材料
                </h2>
                {item.materials.some((m) => m.sharedSource) ? (
                  <p className="tb-muted">标有“可免提交”的材料，在线申请时可选择“使用政府已有数据”，经您同意后从共享数据或电子证照库获取，无需上传。</p>
                ) : null}
                <MaterialsTable materials={item.materials} />
              </section>

              <section className="tb-card" aria-labelledby="g-desc">
                <h2 id="g-desc" className="tb-section-title">
                  事项说明
                </h2>
                <p className="tb-prose">{item.description || '—'}</p>
                <h2 className="tb-section-title" style={{ marginTop: 20 }}>
                  设定依据
                </h2>
                <p className="tb-prose">{item.legalBasis || '—'}</p>
                <p className="tb-muted" style={{ marginTop: 16 }}>
                  指南版本：第 {item.version} 版
                </p>
              </section>
            </>
          ) : null}
        </PageState>
      )}
    </div>
  );
}
