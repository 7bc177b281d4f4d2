// The home page's 12345 entry: 我要反映 (online), 我的诉求 for applicants, and the hotline's tel: link.
import { PhoneOutlined, FormOutlined } from '@ant-design/icons';
import { useAuth, isApplicant } from '../../../app/auth.tsx';
import { LinkButton } from '../../../components/LinkButton.tsx';
import './citizen.css';

export function HotlineEntry() {
  const { user } = useAuth();
  return (
    <section className="tb-card tb-req-entry" aria-labelledby="home-12345">
      <div className="tb-req-entry-text">
        <h2 id="home-12345" className="tb-section-title">
          12345 我要反映
        </h2>
        <p>遇到问题、有意见建议？在网上说一说，热线受理后转给负责的部门办理，并按时答复您。</p>
      </div>
      <div className="tb-req-entry-actions">
        <LinkButton type="primary" size="large" to="/requests/new" icon={<FormOutlined aria-hidden />}>
          我要反映
        </LinkButton>
        {isApplicant(user) ? (
          <LinkButton size="large" to="/my/requests">
            我的诉求
          </LinkButton>
        ) : null}
        <a href="tel:12345" className="tb-req-entry-tel">
          <PhoneOutlined aria-hidden /> 拨打 12345
        </a>
      </div>
    </section>
  );
}
