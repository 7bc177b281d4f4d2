// Hooks other features use: who is logged in, whether 长辈版 is on, unread messages.
export { useAuth, hasRole, isStaff, isAdmin, isApplicant } from './auth.tsx';
export { useElderly } from './elderly.tsx';
export { useUnread } from './unread.tsx';
