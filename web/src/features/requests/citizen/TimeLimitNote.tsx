// The side note of 我要反映: the promised time limits by request type (from /api/requests/meta), what to do
// in an emergency, and who gets to see the citizen's name and phone.
import { ClockCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TimeLimits } from '../../../../../domain/requests.ts';

const TYPE_HINT: Record<string, string> = {
  咨询: '问政策、问办法',
  求助: '遇到困难请帮忙',
  投诉: '权益受到侵害',
  举报: '发现违法违规',
  建议: '意见和建议',
  表扬: '表扬好人好事',
};

export function TimeLimitNote({ limits }: { limits: TimeLimits | undefined }) {
  return (
    <aside className="tb-req-side" aria-labelledby="req-limits">
      <section className="tb-card">
        <h2 id="req-limits" className="tb-section-title">
          <ClockCircleOutlined aria-hidden /> 办理时限承诺
        </h2>
        <p className="tb-muted">热线受理后按诉求类型限时办理答复，按工作日计算（节假日顺延）：</p>
        {limits ? (
          <ul className="tb-req-limits">
            {Object.entries(limits.days).map(([type, days]) => (
              <li key={type}>
                <span>
                  <strong>{type}</strong>
                  <span className="tb-req-limit-hint">{TYPE_HINT[type] ?? ''}</span>
                </span>
                <span className="tb-req-limit-days">{days} 个工作日</span>
              </li>
            ))}
            <li>
              <span>
                <strong>紧急诉求</strong>
                <span className="tb-req-limit-hint">危及安全、急需处置</span>
              </span>
              <span className="tb-req-limit-days">{limits.urgentHours} 小时</span>
            </li>
          </ul>
        ) : (
          <p>时限信息暂时无法加载。</p>
        )}
        <p className="tb-muted">诉求类型由热线根据您的描述判断，不需要您选择。</p>
      </section>
      <section className="tb-card" aria-labelledby="req-privacy">
        <h2 id="req-privacy" className="tb-section-title">
          <SafetyCertificateOutlined aria-hidden /> 个人信息保护
        </h2>
        <p>承办部门看到的电话号码是部分隐藏的。选择“保密”后，只有 12345 热线中心知道您是谁；选择“匿名”则不留姓名和电话。</p>
      </section>
    </aside>
  );
}
