import { Pagination } from 'antd';
import { useSearchParams } from 'react-router-dom';

export interface UrlPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Jump back to the top of the page after changing pages (long lists). */
  scrollToTop?: boolean;
}

/** Pagination kept in the URL's `page` parameter, so a page can be linked and the back button works. Hidden for a single page. */
export function UrlPagination({ page, pageSize, total, scrollToTop }: UrlPaginationProps) {
  const [params, setParams] = useSearchParams();
  if (total <= pageSize) return null;
  return (
    <nav className="tb-pagination" aria-label="分页">
      <Pagination
        current={page}
        pageSize={pageSize}
        total={total}
        showSizeChanger={false}
        onChange={(p) => {
          const next = new URLSearchParams(params);
          next.set('page', String(p));
          setParams(next);
          if (scrollToTop) window.scrollTo(0, 0);
        }}
      />
    </nav>
  );
}
