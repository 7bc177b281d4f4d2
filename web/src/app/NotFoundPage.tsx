import { LinkButton } from '../components/LinkButton.tsx';
import { Result } from 'antd';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title={<h1 className="tb-result-title">页面不存在</h1>}
      subTitle="您访问的页面不存在或已被移除。可以回到首页，或在办事指南中搜索需要的服务。"
      extra={
        <div className="tb-actions-row tb-center">
          <LinkButton type="primary" to="/">
            返回首页
          </LinkButton>
          <LinkButton to="/items">
            查找办事指南
          </LinkButton>
        </div>
      }
    />
  );
}
