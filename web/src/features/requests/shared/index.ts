// Request UI shared by the citizen pages (features/requests/citizen) and the staff desk (features/requests/desk).
export * from './api.ts';
export { useDepartments, useRequestMeta } from './useRequestData.ts';
export { RequestStatusTag } from './RequestStatusTag.tsx';
export { TypeTag, UrgentTag, SupervisedTag } from './RequestTags.tsx';
export { DueBadge, dueLevel, spanText, DUE_ROW_BG, type DueLevel, type DueBadgeProps } from './DueBadge.tsx';
export { RequestTimeline, eventLabel, type RequestTimelineProps } from './RequestTimeline.tsx';
