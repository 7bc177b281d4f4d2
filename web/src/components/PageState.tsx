import { LinkButton } from './LinkButton.tsx';
// One place for loading / error / empty states, so every page has all three.
import { Alert, Button, Empty, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { ApiError } from '../lib/api.ts';

export interface PageStateProps {
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  empty?: boolean;
  emptyText?: ReactNode;
  /** A helpful next step shown under the empty message, e.g. a link back to the catalog. */
  emptyAction?: ReactNode;
  skeletonRows?: number;
  children?: ReactNode;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return '加载失败，请稍后重试';
}

export function PageState({ loading, error, onRetry, empty, emptyText = '暂无数据', emptyAction, skeletonRows = 4, children }: PageStateProps) {
  const location = useLocation();
  if (loading) {
    return (
      <div role="status" aria-live="polite" className="tb-page-state">
        <span className="tb-sr-only">正在加载…</span>
        <Skeleton active paragraph={{ rows: skeletonRows }} />
      </div>
    );
  }
  if (error) {
    if (error instanceof ApiError && error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return (
        <Alert
          className="tb-page-state"
          type="warning"
          showIcon
          title="请先登录"
          description="登录后才能查看此页面。"
          action={
            <LinkButton type="primary" to={`/login?next=${next}`}>
              去登录
            </LinkButton>
          }
        />
      );
    }
    return (
      <Alert
        className="tb-page-state"
        role="alert"
        type="error"
        showIcon
        title="加载失败"
        description={errorMessage(error)}
        action={
          onRetry ? (
            <Button icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
              重试
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (empty) {
    return (
      <div className="tb-page-state">
        <Empty description={emptyText}>{emptyAction}</Empty>
      </div>
    );
  }
  return <>{children}</>;
}
