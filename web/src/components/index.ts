// Shared UI pieces for portal, workbench and admin pages.
export { StatusTag } from './StatusTag.tsx';
export { DeadlineBadge, type DeadlineBadgeProps } from './DeadlineBadge.tsx';
export { PageState, errorMessage, type PageStateProps } from './PageState.tsx';
export { CaseTimeline, type CaseTimelineProps } from './CaseTimeline.tsx';
export { EventEntry } from './EventEntry.tsx';
export { StatusFilter, type StatusFilterProps } from './StatusFilter.tsx';
export { SoftTag, TONES, type Tone } from './SoftTag.tsx';
export { LinkButton, type LinkButtonProps } from './LinkButton.tsx';
export { UrlPagination, type UrlPaginationProps } from './UrlPagination.tsx';
