// After 我要反映: the ticket number big and copyable, the promised answer time, what happens next, the SMS
// receipt, and where to follow it (logged in: 我的诉求; anonymous: keep the ticket number).
import { useState } from 'react';
import { Button, Result, Steps } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { maskPhone } from '../../../../../domain/codes.ts';
import { LinkButton } from '../../../components/LinkButton.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { NEXT_STEPS } from './status.tsx';
import type { Submitted } from './RequestForm.tsx';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function TicketNumber({ ticketNo }: { ticketNo: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="tb-req-ticket">
      <span className="tb-req-ticket-label" id="req-ticket-label">
        工单号
      </span>
      <strong className="tb-req-ticket-no" data-testid="ticket-no" aria-labelledby="req-ticket-label">
        {ticketNo}
      </strong>
      <Button icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />} onClick={async () => setCopied(await copyText(ticketNo))}>
        {copied ? '已复制' : '复制工单号'}
      </Button>
      <span role="status" className="tb-req-copy-status">
        {copied === false ? '浏览器不允许自动复制，请长按或选中工单号手动复制。' : copied ? '工单号已复制' : ''}
      </span>
    </div>
  );
}

export function IntakeReceipt({ submitted, loggedIn }: { submitted: Submitted; loggedIn: boolean }) {
  const { result, phone, anonymous } = submitted;
  return (
    <div className="tb-card tb-req-receipt">
      <Result status="success" title={<h1 className="tb-result-title">诉求已受理</h1>} subTitle="感谢您的反映。我们会尽快转给负责的部门办理，并按时答复您。">
        <TicketNumber ticketNo={result.ticketNo} />
        <dl className="tb-dl tb-req-receipt-dl">
          <dt>预计答复</dt>
          <dd>
            {formatDateTime(result.dueAt)} 前{result.urgent ? '（紧急诉求，优先处置）' : ''}
          </dd>
          <dt>受理短信</dt>
          <dd>{phone ? `已向 ${maskPhone(phone)} 发送受理短信，答复也会以短信告诉您。` : anonymous && !loggedIn ? '匿名诉求不发短信，请记下工单号。' : '不发短信；办理进展会通过站内消息通知您。'}</dd>
        </dl>
        <h2 className="tb-section-title tb-req-next-title">接下来</h2>
        <Steps orientation="vertical" size="small" current={1} items={NEXT_STEPS.map((s) => ({ title: s.title, content: s.content }))} className="tb-req-next" aria-label="办理流程" />
        {loggedIn ? (
          <p>您可以随时在“我的诉求”中查看进度，答复后也可以在那里评价。</p>
        ) : (
          <p className="tb-req-keep">
            <strong>请记下工单号。</strong>拨打 12345 热线报工单号即可查询进度；登录后提交的诉求可以在网上查看。
          </p>
        )}
        <div className="tb-actions-row tb-center">
          {loggedIn ? (
            <LinkButton type="primary" size="large" to={`/my/requests/${result.id}`}>
              查看办理进度
            </LinkButton>
          ) : null}
          <LinkButton size="large" to="/">
            返回首页
          </LinkButton>
        </div>
      </Result>
    </div>
  );
}
