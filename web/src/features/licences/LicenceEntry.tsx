// The home page's e-licence entry: 我的卡包 (applicants; others are asked to log in) and the public 证照核验.
import { SafetyCertificateOutlined, WalletOutlined } from '@ant-design/icons';
import { useAuth, isApplicant } from '../../app/auth.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import './licences.css';

export function LicenceEntry() {
  const { user } = useAuth();
  const staffOnly = !!user && !isApplicant(user);
  return (
    <section className="tb-card tb-licence-entry" aria-labelledby="home-licences">
      <div className="tb-licence-entry-text">
        <h2 id="home-licences" className="tb-section-title">
          电子证照
        </h2>
        <p>办结后证照自动发到卡包，出门办事扫码亮证，只出示您选择的内容；任何人都可以在线核验证照真伪。</p>
      </div>
      <div className="tb-licence-entry-actions">
        {staffOnly ? null : (
          <LinkButton type="primary" size="large" to="/wallet" icon={<WalletOutlined aria-hidden />}>
            我的卡包
          </LinkButton>
        )}
        <LinkButton size="large" to="/verify" icon={<SafetyCertificateOutlined aria-hidden />}>
          证照核验
        </LinkButton>
      </div>
    </section>
  );
}
