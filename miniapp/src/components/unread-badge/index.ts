export { UnreadBadge } from './unread-badge';
export type { UnreadBadgeProps } from './unread-badge';
